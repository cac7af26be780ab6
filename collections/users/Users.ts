import type { CollectionConfig } from 'payload'

import { isSuperuser, isSuperuserField } from '../../access/isSuperuser'
import { userIsStaff } from '../../access/roles'
import { canReadEmail, selfOrStaffField, userProfileRead, selfOrSuperuser } from '../../access/users'
import { apiKeyEndpoints } from '../../src/users/apiKeyEndpoints'
import { firstUserIsSuperuser } from '../../hooks/users/firstUserIsSuperuser'
import { refuseInactiveLogin } from '../../hooks/users/refuseInactiveLogin'
import { rejectMalformedInput } from '../../hooks/shared/rejectMalformedInput'
import { authFieldOverrides } from './authFieldOverrides'
import { validateUserEmail, validateUsername } from './validators'
import { serverDefaulted } from '../../fields/serverDefaulted'
import { legacyIdField } from '../../fields/legacyId'
import { nobodyField } from '../../access/nobody'
import {
  dropDjangoPassword,
  migrateDjangoPassword,
  passwordlessImport,
  removeImportPassword,
} from '../../hooks/users/djangoPassword'
import { ADMIN_GROUPS } from '../../src/platform/admin/groups'

export const SEARCH_VISIBILITY = ['PUBLIC', 'PRIVATE'] as const
export const EMAIL_PRIVACY = ['PUBLIC', 'PRIVATE', 'NEVER'] as const

const enumOptions = (values: readonly string[]) => values.map((value) => ({ label: value.toLowerCase(), value }))

export const Users: CollectionConfig = {
  slug: 'users',
  access: {
    // the admin panel is for staff and superusers only
    admin: ({ req }) => userIsStaff(req),
    // anyone may sign up; privilege fields are superuser-only below
    create: () => true,
    // only superusers delete accounts (deactivate instead)
    delete: isSuperuser,
    // self and staff see everything; others see active public profiles only
    read: userProfileRead,
    unlock: isSuperuser,
    // a user edits their own profile; a superuser edits anyone
    update: selfOrSuperuser,
  },
  admin: {
    group: ADMIN_GROUPS.people,
    defaultColumns: ['username', 'email', 'isStaff', 'isActive'],
    useAsTitle: 'username',
  },
  auth: {
    loginWithUsername: { allowEmailLogin: true, requireEmail: true },
    maxLoginAttempts: 10,
    lockTime: 10 * 60 * 1000,
    useAPIKey: true,
  },
  dbName: 'users',
  // a related user (a job's poster, a page's editor) is a public display summary, never account fields
  defaultPopulate: { firstName: true, lastName: true, username: true },
  endpoints: apiKeyEndpoints,
  fields: [
    {
      name: 'email',
      type: 'email',
      access: { read: canReadEmail },
      index: true,
      validate: validateUserEmail,
    },
    {
      name: 'username',
      type: 'text',
      index: true,
      maxLength: 150,
      validate: validateUsername,
    },
    { name: 'firstName', type: 'text', maxLength: 150 },
    { name: 'lastName', type: 'text', maxLength: 150 },
    { name: 'bio', type: 'textarea', maxLength: 5000 },
    { name: 'publicProfile', type: 'checkbox', defaultValue: true },
    {
      name: 'searchVisibility',
      type: 'select',
      access: serverDefaulted,
      defaultValue: 'PUBLIC',
      options: enumOptions(SEARCH_VISIBILITY),
      required: true,
    },
    {
      name: 'emailPrivacy',
      type: 'select',
      access: serverDefaulted,
      defaultValue: 'PRIVATE',
      options: enumOptions(EMAIL_PRIVACY),
      required: true,
    },
    {
      type: 'collapsible',
      admin: { initCollapsed: true },
      fields: [
        {
          name: 'isActive',
          type: 'checkbox',
          access: {
            create: isSuperuserField,
            read: selfOrStaffField,
            update: isSuperuserField,
          },
          defaultValue: true,
          index: true,
          saveToJWT: true,
        },
        {
          name: 'isStaff',
          type: 'checkbox',
          access: {
            create: isSuperuserField,
            read: selfOrStaffField,
            update: isSuperuserField,
          },
          defaultValue: false,
          saveToJWT: true,
        },
        {
          name: 'isSuperuser',
          type: 'checkbox',
          access: {
            create: isSuperuserField,
            read: selfOrStaffField,
            update: isSuperuserField,
          },
          defaultValue: false,
          saveToJWT: true,
        },
        {
          name: 'emailVerified',
          type: 'checkbox',
          access: {
            create: isSuperuserField,
            read: selfOrStaffField,
            update: isSuperuserField,
          },
          defaultValue: false,
        },
        {
          name: 'oauthProvider',
          type: 'text',
          access: {
            create: isSuperuserField,
            read: selfOrStaffField,
            update: isSuperuserField,
          },
          index: true,
          maxLength: 50,
        },
        {
          name: 'oauthId',
          type: 'text',
          access: {
            create: isSuperuserField,
            read: selfOrStaffField,
            update: isSuperuserField,
          },
          index: true,
          maxLength: 255,
        },
      ],
      label: 'Account status and sign-in',
    },
    ...authFieldOverrides,
    // PSF elections (docs/rules/elections.md): each list shows only the rows the reader may see
    {
      name: 'candidacies',
      type: 'join',
      admin: { description: 'Elections this user was nominated in.' },
      collection: 'nominees',
      // depth 2 from a user reaches each candidacy's nominations (joins stop at 1 by default)
      maxDepth: 2,
      on: 'user',
    },
    {
      name: 'nominationsMade',
      type: 'join',
      admin: { description: 'Nominations this user made.' },
      collection: 'nominations',
      maxDepth: 2,
      on: 'nominator',
    },
    legacyIdField('users_legacy_id_seq'),
    // python.org's Django password hash of an imported account, until its first login (hooks/users/djangoPassword.ts)
    {
      name: 'djangoPasswordHash',
      type: 'text',
      access: { create: nobodyField, read: nobodyField, update: nobodyField },
      hidden: true,
      maxLength: 256,
    },
  ],
  graphQL: { pluralName: 'Users', singularName: 'User' },
  hooks: {
    afterChange: [removeImportPassword],
    beforeOperation: [rejectMalformedInput, passwordlessImport, migrateDjangoPassword],
    beforeChange: [firstUserIsSuperuser],
    beforeLogin: [refuseInactiveLogin, dropDjangoPassword],
  },
}

import type { CollectionConfig, Field, FieldAccess } from 'payload'

import { authenticated } from '../../access/authenticated'
import { isStaff } from '../../access/isStaff'
import { ownerOrStaff, ownerOrStaffField } from '../../access/ownerOrStaff'
import { sponsorsReadable } from '../../access/sponsors'
import { contentManageableFields } from '../../fields/contentManageable'
import { validateEmailLength } from '../../fields/email'
import { existingIn } from '../../fields/existingIn'
import { legacyIdField } from '../../fields/legacyId'
import { slugField } from '../../fields/slug'
import { httpUrlValidator } from '../../fields/url'
import { refuseDeletingSponsorWithSponsorships } from '../../hooks/sponsors/refuseDeletes'
import { rejectMalformedInput } from '../../hooks/shared/rejectMalformedInput'
import { readEndpoints } from '../../src/platform/reads'
import { sponsorReads } from '../../src/sponsors/reads'
import { ADMIN_GROUPS } from '../../src/platform/admin/groups'

/** Contact data and the account stamps: the sponsor's own member and staff only. */
const privateRead: { read: FieldAccess } = { read: ownerOrStaffField('creator') }

const contact = (name: string, label: string, maxLength: number, required = false): Field => ({
  name,
  type: 'text',
  access: privateRead,
  label,
  maxLength,
  required,
})

const withPrivateRead = (fields: Field[]): Field[] =>
  fields.map((field) => ({ ...field, access: { ...('access' in field ? field.access : {}), ...privateRead } }) as Field)

export const Sponsors: CollectionConfig = {
  slug: 'sponsors',
  access: {
    // a member registers their organisation and is linked to it as its creator
    create: authenticated,
    // deleting a sponsor is refused while it has sponsorships (hooks/sponsors/refuseDeletes.ts)
    delete: isStaff,
    // staff; the sponsor's member; everyone the public fields of sponsors that are live
    read: sponsorsReadable,
    // the sponsor's member keeps its details current; contracts keep their own snapshot
    update: ownerOrStaff('creator'),
  },
  admin: {
    defaultColumns: ['name', 'landingPageUrl', 'creator', 'updatedAt'],
    group: ADMIN_GROUPS.sponsors,
    listSearchableFields: ['name'],
    useAsTitle: 'name',
  },
  dbName: 'sponsors',
  // what a related sponsor looks like inside another answer (a sponsorship's `sponsor`)
  defaultPopulate: { landingPageUrl: true, name: true, slug: true, webLogo: true },
  defaultSort: 'name',
  endpoints: readEndpoints(sponsorReads),
  fields: [
    {
      name: 'name',
      type: 'text',
      admin: { description: 'Name of the sponsor, for public display.' },
      maxLength: 100,
      required: true,
    },
    slugField({ from: 'name' }),
    {
      name: 'description',
      type: 'textarea',
      admin: { description: 'Brief description of the sponsor, for public display.' },
      maxLength: 5000,
      required: true,
    },
    {
      name: 'landingPageUrl',
      type: 'text',
      maxLength: 1000,
      validate: httpUrlValidator('landingPageUrl'),
    },
    { name: 'twitterHandle', type: 'text', maxLength: 32 },
    {
      name: 'linkedInPageUrl',
      type: 'text',
      label: 'LinkedIn page URL',
      maxLength: 1000,
      validate: httpUrlValidator('linkedInPageUrl'),
    },
    {
      type: 'row',
      fields: [
        {
          name: 'webLogo',
          type: 'upload',
          admin: { description: 'For the sponsors page: PNG, JPEG or WebP, at least 256px on its shortest side.' },
          relationTo: 'sponsor-logos',
          // an upload field takes the relationship validator: the value is an id all the same
          validate: existingIn('sponsor-logos', 'sponsor logo') as never,
        },
        {
          name: 'printLogo',
          type: 'upload',
          access: privateRead,
          admin: { description: 'For printed material (EPS or a large PNG).' },
          relationTo: 'sponsor-logos',
          // an upload field takes the relationship validator: the value is an id all the same
          validate: existingIn('sponsor-logos', 'sponsor logo') as never,
        },
      ],
    },
    {
      type: 'collapsible',
      fields: [
        contact('contactName', 'Primary contact name', 100),
        {
          name: 'contactEmail',
          type: 'email',
          access: privateRead,
          label: 'Primary contact email',
          validate: validateEmailLength,
        },
        contact('primaryPhone', 'Primary phone', 32, true),
        contact('mailingAddressLine1', 'Mailing address line 1', 128, true),
        contact('mailingAddressLine2', 'Mailing address line 2', 128),
        {
          type: 'row',
          fields: [
            contact('city', 'City', 64, true),
            contact('state', 'State/Province/Region', 64),
            contact('postalCode', 'Zip/Postal code', 64, true),
          ],
        },
        contact('country', 'Country', 64, true),
        contact('countryOfIncorporation', 'Country of incorporation (if different)', 64),
        contact('stateOfIncorporation', 'US only: state of incorporation (if different)', 64),
      ],
      label: 'Contact and address (private: the sponsor and staff only)',
    },
    {
      name: 'sponsorships',
      type: 'join',
      collection: 'sponsorships',
      defaultSort: '-createdAt',
      on: 'sponsor',
    },
    legacyIdField('sponsors_legacy_id_seq'),
    ...withPrivateRead(contentManageableFields()),
  ],
  hooks: {
    beforeDelete: [refuseDeletingSponsorWithSponsorships],
    beforeOperation: [rejectMalformedInput],
  },
}

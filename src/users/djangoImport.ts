/**
 * python.org's accounts (apps/users/models.py, django-allauth's
 * `account.emailaddress`) as this project's users domain, for the Django
 * dump importer (src/platform/djangoImport.ts).
 *
 * - users.user          -> users: python.org's password hash is kept as
 *   `djangoPasswordHash` and checked at the first login, which replaces it
 *   with our own (hooks/users/djangoPassword.ts); the account gets no
 *   password of ours until then.
 * - account.emailaddress -> the user's email: the primary address becomes
 *   the account's email and its verification `emailVerified`; other
 *   addresses have no place (one email per account here).
 * - users.membership    -> memberships (python.org's `creator` is the member)
 * - users.usergroup     -> user-groups
 */
import { slugify } from '../../fields/slugify'
import { type ModelMapper, unimportable } from '../platform/djangoImport'
import { bool, choice, dateTime, fit, markupField, str, text } from '../platform/djangoValues'

/** python.org's integer choices. */
const SEARCH_VISIBILITY: Record<number, 'PRIVATE' | 'PUBLIC'> = { 0: 'PRIVATE', 1: 'PUBLIC' }
const EMAIL_PRIVACY: Record<number, 'NEVER' | 'PRIVATE' | 'PUBLIC'> = { 0: 'PUBLIC', 1: 'PRIVATE', 2: 'NEVER' }
// 3 (MANAGING) was retired from python.org's choices but its rows may remain
const MEMBERSHIP_TYPE: Record<number, string> = {
  0: 'BASIC',
  1: 'SUPPORTING',
  2: 'SPONSOR',
  3: 'MANAGING',
  4: 'CONTRIBUTING',
  5: 'FELLOW',
}
const USER_GROUP_TYPE: Record<string, string> = {
  'distribution list': 'DISTRIBUTION_LIST',
  meetup: 'MEETUP',
  other: 'OTHER',
}

export const userMapper: ModelMapper = {
  collection: 'users',
  fields: [
    'password',
    'last_login',
    'is_superuser',
    'username',
    'first_name',
    'last_name',
    'email',
    'is_staff',
    'is_active',
    'date_joined',
    ...markupField('bio'),
    'search_visibility',
    'email_privacy',
    'public_profile',
    'groups',
    'user_permissions',
  ],
  model: 'users.user',
  toData: (row, context) => {
    const { fields } = row
    const username = text(fields.username) ?? unimportable(row, 'it has no username')
    const email = text(fields.email)
    if (!email) unimportable(row, 'it has no email address; every account here has one')
    for (const field of ['groups', 'user_permissions'] as const) {
      if (Array.isArray(fields[field]) && fields[field].length) {
        context.skip(row, field, 'Django groups and permissions are not modelled: roles are isStaff and isSuperuser')
      }
    }
    const password = str(fields.password)
    return {
      bio: fit(row, 'bio', text(fields.bio), 5000, context),
      ...(fields.date_joined ? { createdAt: dateTime(fields.date_joined, context) } : {}),
      // an empty hash is Django's "no password" too: the account must reset it
      djangoPasswordHash: password || '!',
      email: email!.trim().toLowerCase(),
      emailPrivacy: choice(row, 'email_privacy', EMAIL_PRIVACY, 'NEVER', context),
      firstName: fit(row, 'first_name', str(fields.first_name), 150, context),
      isActive: bool(fields.is_active, true),
      isStaff: bool(fields.is_staff),
      isSuperuser: bool(fields.is_superuser),
      lastName: fit(row, 'last_name', str(fields.last_name), 150, context),
      publicProfile: bool(fields.public_profile, true),
      searchVisibility: choice(row, 'search_visibility', SEARCH_VISIBILITY, 'PUBLIC', context),
      username: username.trim().toLowerCase(),
    }
  },
}

export const emailAddressMapper: ModelMapper = {
  collection: 'users',
  dependsOn: ['users.user'],
  fields: ['user', 'email', 'verified', 'primary'],
  model: 'account.emailaddress',
  patches: async (row, context) => context.resolve('users.user', row.fields.user),
  toData: (row) => {
    const { fields } = row
    const email = text(fields.email) ?? unimportable(row, 'it has no address')
    if (fields.primary !== true) {
      unimportable(row, 'a secondary address: an account here has one email address, its primary one')
    }
    return { email: email.trim().toLowerCase(), emailVerified: bool(fields.verified) }
  },
}

export const membershipMapper: ModelMapper = {
  collection: 'memberships',
  dependsOn: ['users.user'],
  fields: [
    'membership_type',
    'legal_name',
    'preferred_name',
    'email_address',
    'city',
    'region',
    'country',
    'postal_code',
    'psf_code_of_conduct',
    'psf_announcements',
    'votes',
    'last_vote_affirmation',
    'created',
    'updated',
    'creator',
  ],
  model: 'users.membership',
  toData: async (row, context) => {
    const { fields } = row
    if (fields.creator === null || fields.creator === undefined) {
      unimportable(row, 'python.org never linked it to an account; a membership here belongs to a user')
    }
    const user =
      (await context.resolve('users.user', fields.creator)) ?? unimportable(row, 'its account was not imported')
    return {
      city: str(fields.city),
      country: str(fields.country),
      ...(fields.created ? { createdAt: dateTime(fields.created, context) } : {}),
      emailAddress: text(fields.email_address),
      lastVoteAffirmation: dateTime(fields.last_vote_affirmation, context),
      legalName: str(fields.legal_name),
      membershipType: choice(row, 'membership_type', MEMBERSHIP_TYPE, 'BASIC', context),
      postalCode: str(fields.postal_code),
      preferredName: str(fields.preferred_name),
      psfAnnouncements: bool(fields.psf_announcements),
      psfCodeOfConduct: bool(fields.psf_code_of_conduct),
      region: str(fields.region),
      user,
      votes: bool(fields.votes),
    }
  },
}

export const userGroupMapper: ModelMapper = {
  collection: 'user-groups',
  fields: ['name', 'location', 'url', 'url_type', 'start_date', 'approved', 'trusted'],
  model: 'users.usergroup',
  toData: (row, context) => {
    const { fields } = row
    return {
      approved: bool(fields.approved),
      location: fit(row, 'location', text(fields.location), 200, context),
      name: fit(row, 'name', str(fields.name), 200, context),
      // python.org's groups had no slug, and many share a name: the pk keeps it unique
      slug: `${slugify(str(fields.name)).slice(0, 180) || 'group'}-${String(row.pk)}`,
      startDate: typeof fields.start_date === 'string' ? `${fields.start_date.slice(0, 10)}T00:00:00.000Z` : null,
      trusted: bool(fields.trusted),
      url: fit(row, 'url', text(fields.url), 500, context),
      userGroupType: choice(row, 'url_type', USER_GROUP_TYPE, 'MEETUP', context),
    }
  },
}

export const userMappers: ModelMapper[] = [userMapper, emailAddressMapper, membershipMapper, userGroupMapper]

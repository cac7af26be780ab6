/**
 * The admin navigation's groups, one per domain (or a few small domains
 * together), in the order the navigation shows them. Every collection sets
 * `admin.group` to one of these; tests/platform/admin-config.test.ts checks it.
 */
export const ADMIN_GROUPS = {
  content: 'Site content',
  downloads: 'Downloads',
  events: 'Events',
  jobs: 'Jobs',
  successStories: 'Success stories',
  community: 'Community',
  blogs: 'Blogs',
  sponsors: 'Sponsors',
  psf: 'PSF',
  people: 'People',
  mailing: 'Mailing',
} as const

export type AdminGroup = (typeof ADMIN_GROUPS)[keyof typeof ADMIN_GROUPS]

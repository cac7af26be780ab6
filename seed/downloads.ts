import type { RequiredDataFromCollectionSlug } from 'payload'

/**
 * python.org's operating systems with their ids: the release tooling marks a
 * file as source by OS id 3, so these ids are part of the contract.
 */
export const DOWNLOAD_OS: (RequiredDataFromCollectionSlug<'download-os'> & { legacyId: number })[] = [
  { legacyId: 1, name: 'Windows', slug: 'windows' },
  { legacyId: 2, name: 'macOS', slug: 'macos' },
  { legacyId: 3, name: 'Source release', slug: 'source' },
  { legacyId: 4, name: 'Android', slug: 'android' },
  { legacyId: 5, name: 'iOS', slug: 'ios' },
]

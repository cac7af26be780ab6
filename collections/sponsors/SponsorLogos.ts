import type { CollectionConfig, Field } from 'payload'

import { authenticated } from '../../access/authenticated'
import { ownerOrStaff, ownerOrStaffField } from '../../access/ownerOrStaff'
import { sponsorLogosReadable } from '../../access/sponsors'
import { creatorField } from '../../fields/contentManageable'
import { rejectMalformedInput } from '../../hooks/shared/rejectMalformedInput'
import { uploadDir } from '../../src/platform/uploads'
import { ADMIN_GROUPS } from '../../src/platform/admin/groups'

/** The sizes every web logo is served in (the live sponsors read lists them). */
export const SPONSOR_LOGO_SIZES = [
  { name: 'small', height: 128, width: 128 },
  { name: 'medium', height: 256, width: 256 },
  { name: 'large', height: 512, width: 512 },
] as const

export const SponsorLogos: CollectionConfig = {
  slug: 'sponsor-logos',
  access: {
    // the member registering a sponsor uploads its logos
    create: authenticated,
    delete: ownerOrStaff('creator'),
    // staff; the uploader; everyone the web logos of live sponsors
    read: sponsorLogosReadable,
    update: ownerOrStaff('creator'),
  },
  admin: {
    defaultColumns: ['filename', 'alt', 'creator'],
    group: ADMIN_GROUPS.sponsors,
    useAsTitle: 'filename',
  },
  dbName: 'sponsor_logos',
  defaultPopulate: { alt: true, filename: true, height: true, mimeType: true, sizes: true, url: true, width: true },
  fields: [
    { name: 'alt', type: 'text', maxLength: 200 },
    // an account is nobody else's business
    (() => {
      const creator = creatorField() as Field & { access?: Record<string, unknown> }
      return { ...creator, access: { ...creator.access, read: ownerOrStaffField('creator') } } as Field
    })(),
  ],
  hooks: { beforeOperation: [rejectMalformedInput] },
  upload: {
    adminThumbnail: 'small',
    // fitted inside the box, never cropped or enlarged: a logo keeps its proportions
    imageSizes: SPONSOR_LOGO_SIZES.map((size) => ({ ...size, fit: 'inside' as const, withoutEnlargement: true })),
    // raster images (an SVG can carry script) and EPS for print
    mimeTypes: ['image/png', 'image/jpeg', 'image/webp', 'application/postscript'],
    staticDir: uploadDir('sponsor-logos'),
  },
}

/**
 * python.org's banners (apps/banners/models.py) for the Django dump importer
 * (src/platform/djangoImport.ts): banners.banner -> banners. python.org's
 * banner had a button (title, link) and a message, and was shown either on
 * its /psf/ pages only or everywhere: here that is the path pattern "/psf/*"
 * or a sitewide banner.
 */
import type { ModelMapper } from '../platform/djangoImport'
import { bool, fit, str, text } from '../platform/djangoValues'

export const bannerMapper: ModelMapper = {
  collection: 'banners',
  fields: ['title', 'message', 'link', 'active', 'psf_pages_only'],
  model: 'banners.banner',
  toData: (row, context) => {
    const { fields } = row
    const psfOnly = bool(fields.psf_pages_only, true)
    const title = str(fields.title)
    return {
      isActive: bool(fields.active),
      isSitewide: !psfOnly,
      link: text(fields.link),
      linkText: fit(row, 'title', text(title), 200, context),
      message: fit(row, 'message', str(fields.message), 2000, context),
      name: fit(row, 'title', title, 200, context),
      paths: psfOnly ? '/psf/*' : null,
      title: fit(row, 'title', title, 200, context),
    }
  },
}

export const bannerMappers: ModelMapper[] = [bannerMapper]

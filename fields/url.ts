import { exceedsMaxLength } from './maxLength'

/** http(s) URLs only: a `javascript:` or `data:` URL never reaches a frontend's href. */
export const httpUrlValidator =
  (field: string) =>
  (
    value: null | string | undefined,
    { maxLength, required }: { maxLength?: number; required?: boolean } = {},
  ): string | true => {
    if (!value) return required ? `${field} is required` : true
    const tooLong = exceedsMaxLength(field, value, maxLength)
    if (tooLong) return tooLong
    try {
      const url = new URL(value)
      if (url.protocol === 'http:' || url.protocol === 'https:') return true
    } catch {
      /* not a URL */
    }
    return `${field} must be an http(s) URL`
  }

/** Django's URLField: http, https, ftp and ftps (python.org's own rule for its URL fields). */
export const djangoUrlValidator =
  (field: string) =>
  (
    value: null | string | undefined,
    { maxLength, required }: { maxLength?: number; required?: boolean } = {},
  ): string | true => {
    if (!value) return required ? `${field} is required` : true
    const tooLong = exceedsMaxLength(field, value, maxLength)
    if (tooLong) return tooLong
    try {
      if (['ftp:', 'ftps:', 'http:', 'https:'].includes(new URL(value).protocol)) return true
    } catch {
      /* not a URL */
    }
    return `${field} must be an http(s) or ftp(s) URL`
  }

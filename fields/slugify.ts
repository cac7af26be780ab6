/**
 * Django's slugify: drop what is not a word character, space or hyphen,
 * lowercase, collapse spaces and hyphens into one hyphen
 * ("Python 3.14.6" -> "python-3146").
 */
export const slugify = (value: string): string =>
  value
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\w\s-]/g, '')
    .toLowerCase()
    .replace(/_/g, '-')
    .replace(/[-\s]+/g, '-')
    .replace(/^[-]+|[-]+$/g, '')

export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/

/** Django's SlugField: letters of either case, digits, "_" and "-" (python.org's own rule). */
export const DJANGO_SLUG_PATTERN = /^[-a-zA-Z0-9_]+$/

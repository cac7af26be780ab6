/** "/About/PSF" -> "/about/psf/": one leading and one trailing slash, lowercase ("/" stays "/"). */
const normalizePath = (path: string) => {
  const trimmed = path
    .trim()
    .toLowerCase()
    .replace(/\/{2,}/g, '/')
    .replace(/^\/+|\/+$/g, '')
  return trimmed ? `/${trimmed}/` : '/'
}

/** Patterns get the same slashes, except after a final "*", which matches the rest anyway. */
const normalizePattern = (pattern: string) => {
  const normalized = normalizePath(pattern)
  return pattern.trim().endsWith('*') ? normalized.replace(/\/$/, '') : normalized
}

const escapeRegExp = (value: string) => value.replace(/[.+?^${}()|[\]\\]/g, '\\$&')

/**
 * Shell-style matching on normalized paths: "/downloads/*" matches
 * "/downloads/" and "/downloads/release/x/"; a pattern without "*" matches
 * that path only, with or without its trailing slash.
 */
export const pathMatches = (pattern: string, path: string): boolean => {
  const normalizedPattern = normalizePattern(pattern)
  const normalizedPath = normalizePath(path)
  if (!normalizedPattern.includes('*')) return normalizedPattern === normalizedPath
  const regex = new RegExp(`^${normalizedPattern.split('*').map(escapeRegExp).join('.*')}$`)
  return regex.test(normalizedPath)
}

export const bannerAppliesToPath = (
  banner: { isSitewide?: boolean | null; paths?: null | string },
  path: string,
): boolean =>
  Boolean(banner.isSitewide) ||
  (banner.paths ?? '')
    .split(/[\n,]/)
    .map((pattern) => pattern.trim())
    .filter(Boolean)
    .some((pattern) => pathMatches(pattern, path))

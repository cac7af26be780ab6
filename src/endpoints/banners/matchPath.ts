const normalize = (path: string) => `/${path.trim().replace(/^\/+|\/+$/g, '')}`.toLowerCase()

const escapeRegExp = (value: string) => value.replace(/[.+?^${}()|[\]\\]/g, '\\$&')

/** "/downloads/*" matches "/downloads/release/x"; a pattern without "*" matches that path only. */
export const pathMatches = (pattern: string, path: string): boolean => {
  const normalizedPattern = normalize(pattern)
  const normalizedPath = normalize(path)
  if (!normalizedPattern.includes('*')) return normalizedPattern === normalizedPath
  const regex = new RegExp(`^${normalizedPattern.split('*').map(escapeRegExp).join('.*')}$`)
  return regex.test(normalizedPath)
}

export const bannerAppliesToPath = (banner: { isSitewide?: boolean | null; paths?: null | string }, path: string): boolean =>
  Boolean(banner.isSitewide) ||
  (banner.paths ?? '')
    .split(/[\n,]/)
    .map((pattern) => pattern.trim())
    .filter(Boolean)
    .some((pattern) => pathMatches(pattern, path))

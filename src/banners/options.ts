/** A banner's select options, shared by the collection and its reads. */
export const BANNER_TYPES = ['INFO', 'SUCCESS', 'WARNING', 'ERROR'] as const
export const BANNER_TARGETS = ['FRONTEND', 'API'] as const

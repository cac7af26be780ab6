/**
 * A field's own `validate` replaces Payload's text validation, and with it
 * the `maxLength` check: custom validators call this first.
 */
export const exceedsMaxLength = (field: string, value: unknown, maxLength: number | undefined): string | undefined =>
  typeof value === 'string' && typeof maxLength === 'number' && value.length > maxLength
    ? `${field} must be at most ${maxLength} characters`
    : undefined

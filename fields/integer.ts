/** Payload stores numbers as numeric; counts and ids must still be whole and in range. */
export const integerValidator =
  (field: string, { min }: { min?: number } = {}) =>
  (value: null | number | undefined, { required }: { required?: boolean } = {}): string | true => {
    if (value === null || value === undefined) return required ? `${field} is required` : true
    if (typeof value !== 'number' || !Number.isInteger(value)) return `${field} must be a whole number`
    if (min !== undefined && value < min) return `${field} must be at least ${min}`
    return true
  }

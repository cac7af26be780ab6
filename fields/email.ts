import type { EmailField } from 'payload'
import { email as payloadEmailValidation } from 'payload/shared'

/** RFC 5321 caps an address at 254 characters. */
export const EMAIL_MAX_LENGTH = 254

/** Payload's email validation plus the length limit Payload's email field lacks. */
export const validateEmailLength: EmailField['validate'] = (value, options) => {
  if (typeof value === 'string' && value.length > EMAIL_MAX_LENGTH) {
    return `${options.path?.join('.') ?? 'email'} must be at most ${EMAIL_MAX_LENGTH} characters`
  }
  return payloadEmailValidation(value, options)
}

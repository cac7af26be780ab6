/**
 * Checking a password against the hash python.org's Django stored, for the
 * accounts imported from it (hooks/users/djangoPassword.ts). python.org sets
 * no PASSWORD_HASHERS of its own, so Django's defaults apply: new hashes are
 * `pbkdf2_sha256`; `pbkdf2_sha1` and `scrypt` hashes still verify. Django's
 * argon2 and bcrypt hashers need packages python.org does not install, so
 * no such hash can be in its data. Any other hash, and Django's unusable
 * ones ("!..."), cannot be checked: the account must reset its password.
 *
 * The primitives are node:crypto's; only Django's encoding
 * (`algorithm$parameters$salt$base64 hash`) is read here.
 */
import crypto from 'node:crypto'
import { promisify } from 'node:util'

const pbkdf2 = promisify(crypto.pbkdf2)
const scrypt = promisify(crypto.scrypt) as (
  password: string,
  salt: string,
  keylen: number,
  options: crypto.ScryptOptions,
) => Promise<Buffer>

export type DjangoPasswordCheck = 'match' | 'mismatch' | 'unusable'

const same = (computed: Buffer, stored: Buffer) =>
  computed.length === stored.length && crypto.timingSafeEqual(computed, stored)

/** Whether a Django hash can be checked at all (else the account must reset its password). */
export const isUsableDjangoHash = (encoded: null | string | undefined): encoded is string =>
  typeof encoded === 'string' && /^(pbkdf2_sha256|pbkdf2_sha1|scrypt)\$/.test(encoded)

export const checkDjangoPassword = async (
  password: string,
  encoded: null | string | undefined,
): Promise<DjangoPasswordCheck> => {
  if (!isUsableDjangoHash(encoded)) return 'unusable'
  const parts = encoded.split('$')
  try {
    if (parts[0] === 'scrypt') {
      // scrypt$<n>$<salt>$<r>$<p>$<hash>
      const [, n, salt, r, p, hash] = parts
      const N = Number(n)
      const stored = Buffer.from(hash!, 'base64')
      const computed = await scrypt(password, salt!, stored.length, {
        N,
        maxmem: 256 * N * Number(r),
        p: Number(p),
        r: Number(r),
      })
      return same(computed, stored) ? 'match' : 'mismatch'
    }
    // pbkdf2_<digest>$<iterations>$<salt>$<hash>
    const [algorithm, iterations, salt, hash] = parts
    if (parts.length !== 4 || !/^\d+$/.test(iterations!)) return 'unusable'
    const stored = Buffer.from(hash!, 'base64')
    const digest = algorithm === 'pbkdf2_sha256' ? 'sha256' : 'sha1'
    const computed = await pbkdf2(password, salt!, Number(iterations), stored.length, digest)
    return same(computed, stored) ? 'match' : 'mismatch'
  } catch {
    // a hash whose parameters do not parse cannot be checked
    return 'unusable'
  }
}

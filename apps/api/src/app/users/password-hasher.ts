import { randomBytes, scrypt, type ScryptOptions, timingSafeEqual } from 'node:crypto';

const KEY_LENGTH = 64;
const COST = { N: 16384, r: 8, p: 1, maxmem: 64 * 1024 * 1024 } satisfies ScryptOptions;

function derive(password: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(password, salt, KEY_LENGTH, options, (error, key) =>
      error ? reject(error) : resolve(key),
    ),
  );
}

/** The stored hash of an account made without a password: it signs in after a reset. */
export const NO_PASSWORD = '!';

/** A slow, salted scrypt hash: `scrypt$N$r$p$salt$hash`, so costs can rise later. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, COST);
  return ['scrypt', COST.N, COST.r, COST.p, salt.toString('base64'), key.toString('base64')].join(
    '$',
  );
}

/**
 * Whether `password` matches a stored hash. Anything that is not a well-formed scrypt hash —
 * the no-password marker `'!'` of accounts made without one, an empty or damaged value —
 * matches no password, and never throws.
 */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parts = stored.split('$');
  if (parts.length !== 6) return false;
  const [scheme, n, r, p, salt, hash] = parts;
  const [N, R, P] = [n, r, p].map((value) => (/^\d{1,9}$/.test(value ?? '') ? Number(value) : 0));
  if (scheme !== 'scrypt' || !N || !R || !P || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64');
  try {
    const key = await derive(password, Buffer.from(salt, 'base64'), {
      N,
      r: R,
      p: P,
      maxmem: COST.maxmem,
    });
    return key.length === expected.length && timingSafeEqual(key, expected);
  } catch {
    return false; // costs scrypt refuses (N not a power of two, beyond maxmem)
  }
}

/** A hash of a random password, checked when the email is unknown so timing tells nothing. */
export const UNKNOWN_USER_HASH = hashPassword(randomBytes(16).toString('hex'));

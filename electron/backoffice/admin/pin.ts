/**
 * Staff PIN hashing. The PIN is never stored: only a salted scrypt hash in the settings
 * (`adminPinHash`), as "scrypt$N$r$p$saltB64$hashB64" so the cost can be raised later
 * without breaking hashes already stored. Comparison is constant-time.
 */
import crypto from 'node:crypto';

/** scrypt cost: ~50 ms on a kiosk PC, which makes guessing 4–8 digits offline slow. */
const N = 16_384;
const R = 8;
const P = 1;
const KEY_BYTES = 32;
const SALT_BYTES = 16;
const PREFIX = 'scrypt';

/** A new salted scrypt hash of `pin`, in the stored string format. */
export function hashPin(pin: string): string {
  const salt = crypto.randomBytes(SALT_BYTES);
  const hash = crypto.scryptSync(pin, salt, KEY_BYTES, { N, r: R, p: P });
  return [PREFIX, N, R, P, salt.toString('base64'), hash.toString('base64')].join('$');
}

interface ParsedHash {
  n: number;
  r: number;
  p: number;
  salt: Buffer;
  hash: Buffer;
}

function parseHash(stored: string): ParsedHash | null {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== PREFIX) return null;
  const [n, r, p] = parts.slice(1, 4).map(Number);
  const salt = Buffer.from(parts[4] ?? '', 'base64');
  const hash = Buffer.from(parts[5] ?? '', 'base64');
  if (n === undefined || r === undefined || p === undefined) return null;
  // Bounds keep a tampered settings file from making one unlock take minutes or gigabytes.
  const valid =
    Number.isInteger(n) &&
    n >= 1024 &&
    n <= 1 << 17 &&
    (n & (n - 1)) === 0 &&
    Number.isInteger(r) &&
    r >= 1 &&
    r <= 16 &&
    Number.isInteger(p) &&
    p >= 1 &&
    p <= 16 &&
    salt.length >= 8 &&
    hash.length >= 16 &&
    hash.length <= 64;
  return valid ? { n, r, p, salt, hash } : null;
}

/** True when `stored` is a PIN hash this module can check. */
export function isPinHash(stored: string): boolean {
  return parseHash(stored) !== null;
}

/**
 * Whether `pin` matches the `stored` hash, compared with crypto.timingSafeEqual.
 * A malformed stored hash never matches (the caller reports it).
 */
export function verifyPin(pin: string, stored: string): boolean {
  const parsed = parseHash(stored);
  if (parsed === null) return false;
  const candidate = crypto.scryptSync(pin, parsed.salt, parsed.hash.length, {
    N: parsed.n,
    r: parsed.r,
    p: parsed.p,
    maxmem: 256 * parsed.n * parsed.r + 1024 * 1024,
  });
  return crypto.timingSafeEqual(candidate, parsed.hash);
}

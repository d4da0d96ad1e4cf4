/**
 * Staff PIN hashing. The PIN is never stored: only a salted scrypt hash (in `admin-pin.json`,
 * see pin-store.ts), as "scrypt$N$r$p$saltB64$hashB64" so the cost can be raised later
 * without breaking hashes already stored. Comparison is constant-time.
 *
 * Asynchronous on purpose: scrypt runs on libuv's thread pool, so checking a PIN never
 * stalls the event loop that stores visitor records.
 */
import crypto from 'node:crypto';
import { promisify } from 'node:util';

const scrypt = promisify(crypto.scrypt) as (
  password: string,
  salt: Buffer,
  keylen: number,
  options: crypto.ScryptOptions,
) => Promise<Buffer>;

/**
 * scrypt cost: N = 2^15, r = 6 (24 MiB) takes about 100 ms on the 2-core build machine
 * (measured: median 101 ms; 2^14 × 8 took 35 ms, 2^15 × 8 170 ms). With 6–8 digit PINs an
 * offline search of a stolen hash needs days of CPU per kiosk instead of minutes.
 */
const N = 32_768;
const R = 6;
const P = 1;
const KEY_BYTES = 32;
const SALT_BYTES = 16;
const PREFIX = 'scrypt';

/** Memory scrypt needs for these parameters (128·N·r), with room to spare. */
function maxmem(n: number, r: number): number {
  return 256 * n * r + 1024 * 1024;
}

function format(salt: Buffer, hash: Buffer): string {
  return [PREFIX, N, R, P, salt.toString('base64'), hash.toString('base64')].join('$');
}

/** A new salted scrypt hash of `pin`, in the stored string format. */
export async function hashPin(pin: string): Promise<string> {
  const salt = crypto.randomBytes(SALT_BYTES);
  return format(salt, await scrypt(pin, salt, KEY_BYTES, { N, r: R, p: P, maxmem: maxmem(N, R) }));
}

/**
 * The same, synchronously: only for the start-up (KIOSK_ADMIN_PIN), before anything is
 * served, so the PIN is on disk by the time the back office is open.
 */
export function hashPinAtStart(pin: string): string {
  const salt = crypto.randomBytes(SALT_BYTES);
  return format(salt, crypto.scryptSync(pin, salt, KEY_BYTES, { N, r: R, p: P, maxmem: maxmem(N, R) }));
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
  // Bounds keep a tampered hash file from making one unlock take minutes or gigabytes.
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
export async function verifyPin(pin: string, stored: string): Promise<boolean> {
  const parsed = parseHash(stored);
  if (parsed === null) return false;
  const candidate = await scrypt(pin, parsed.salt, parsed.hash.length, {
    N: parsed.n,
    r: parsed.r,
    p: parsed.p,
    maxmem: maxmem(parsed.n, parsed.r),
  });
  return crypto.timingSafeEqual(candidate, parsed.hash);
}

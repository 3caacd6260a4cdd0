/**
 * Staff PINs are stored only as scrypt hashes: `scrypt$<N>$<r>$<p>$<salt>$<hash>` (base64).
 * A PIN has few digits, so the hash is deliberately slow and wrong tries are throttled as well
 * (see pinThrottle.ts).
 */
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

const defaults = { N: 16384, r: 8, p: 1, keyLength: 32 };

function derive(pin: string, salt: Buffer, options: ScryptOptions, keyLength: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(pin.normalize('NFKC'), salt, keyLength, { ...options, maxmem: 64 * 1024 * 1024 }, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

export async function hashPin(pin: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(pin, salt, { N: defaults.N, r: defaults.r, p: defaults.p }, defaults.keyLength);
  return ['scrypt', defaults.N, defaults.r, defaults.p, salt.toString('base64'), key.toString('base64')].join('$');
}

/** False for a wrong PIN and for a hash this code cannot read (never throws on bad stored data). */
export async function verifyPin(pin: string, stored: string): Promise<boolean> {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [N, r, p] = parts.slice(1, 4).map(Number) as [number, number, number];
  const salt = Buffer.from(parts[4] ?? '', 'base64');
  const expected = Buffer.from(parts[5] ?? '', 'base64');
  if (![N, r, p].every(Number.isInteger) || expected.length === 0) return false;
  try {
    const key = await derive(pin, salt, { N, r, p }, expected.length);
    return timingSafeEqual(key, expected);
  } catch {
    // Parameters scrypt refuses (N not a power of two, too much memory) mean a damaged hash.
    return false;
  }
}

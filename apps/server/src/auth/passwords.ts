/**
 * Password hashing with scrypt (node:crypto), a memory-hard function. The
 * stored string names its parameters, so the cost can be raised later and
 * old hashes still verify. Default cost: N = 2^17, r = 8, p = 1 (128 MiB per
 * hash), OWASP's recommended minimum for scrypt. At most two hashes run at
 * once per hasher (the rest wait their turn), so a crowd of logins costs
 * 256 MiB of memory, not 128 MiB each.
 */
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/** Hashes and verifies passwords. */
export interface PasswordHasher {
  hash(password: string): Promise<string>;
  verify(password: string, stored: string): Promise<boolean>;
  /** A hash of a random password, to spend the same time on an unknown account. */
  readonly dummyHash: Promise<string>;
}

/** scrypt cost parameters. */
export interface ScryptCost {
  /** log2 of N, the CPU/memory cost (default 17). */
  log2N: number;
  r: number;
  p: number;
}

/** OWASP's recommended minimum. */
export const DEFAULT_SCRYPT_COST: ScryptCost = { log2N: 17, r: 8, p: 1 };
const KEY_LENGTH = 64;
const SALT_LENGTH = 16;

function derive(password: string, salt: Buffer, cost: ScryptCost): Promise<Buffer> {
  const N = 2 ** cost.log2N;
  // scrypt needs 128 * N * r bytes; leave headroom over Node's 32 MiB default limit.
  const options: ScryptOptions = { N, r: cost.r, p: cost.p, maxmem: 256 * N * cost.r };
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFC'), salt, KEY_LENGTH, options, (error, key) => {
      if (error) reject(error);
      else resolve(key);
    });
  });
}

/** Runs tasks with at most `limit` in flight; the others wait in arrival order. */
export function concurrencyLimit(limit: number): <T>(task: () => Promise<T>) => Promise<T> {
  let running = 0;
  const waiting: (() => void)[] = [];
  const release = () => {
    running -= 1;
    waiting.shift()?.();
  };
  return async <T>(task: () => Promise<T>): Promise<T> => {
    if (running >= limit) await new Promise<void>((resolve) => waiting.push(resolve));
    running += 1;
    try {
      return await task();
    } finally {
      release();
    }
  };
}

/** How many scrypt hashes one hasher runs at once (each needs 128 * N * r bytes). */
export const MAX_CONCURRENT_HASHES = 2;

/** Reads `scrypt$<log2N>$<r>$<p>$<salt>$<hash>` (base64url parts). */
function parse(stored: string): { cost: ScryptCost; salt: Buffer; hash: Buffer } | undefined {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return undefined;
  const [log2N, r, p] = parts.slice(1, 4).map(Number);
  const salt = Buffer.from(parts[4] ?? '', 'base64url');
  const hash = Buffer.from(parts[5] ?? '', 'base64url');
  if (log2N === undefined || r === undefined || p === undefined) return undefined;
  if (![log2N, r, p].every((n) => Number.isInteger(n) && n > 0) || log2N > 22 || r > 32 || p > 16)
    return undefined;
  if (salt.length === 0 || hash.length !== KEY_LENGTH) return undefined;
  return { cost: { log2N, r, p }, salt, hash };
}

/** A scrypt password hasher with the given cost (tests pass a low one). */
export function scryptPasswordHasher(cost: ScryptCost = DEFAULT_SCRYPT_COST): PasswordHasher {
  const limited = concurrencyLimit(MAX_CONCURRENT_HASHES);
  const hash = async (password: string) => {
    const salt = randomBytes(SALT_LENGTH);
    const key = await limited(() => derive(password, salt, cost));
    return [
      'scrypt',
      cost.log2N,
      cost.r,
      cost.p,
      salt.toString('base64url'),
      key.toString('base64url'),
    ].join('$');
  };
  let dummy: Promise<string> | undefined;
  return {
    hash,
    async verify(password, stored) {
      const parsed = parse(stored);
      if (!parsed) return false;
      const key = await limited(() => derive(password, parsed.salt, parsed.cost));
      return timingSafeEqual(key, parsed.hash);
    },
    get dummyHash() {
      dummy ??= hash(randomBytes(16).toString('hex'));
      return dummy;
    },
  };
}

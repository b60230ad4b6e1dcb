import crypto from 'node:crypto';
import { promisify } from 'node:util';
import type { AppContext } from '../../context';

const scrypt = promisify(crypto.scrypt) as (
  password: string,
  salt: Buffer,
  keylen: number,
  options: crypto.ScryptOptions,
) => Promise<Buffer>;

export interface ScryptCost {
  /** CPU/memory cost, a power of two. */
  N: number;
  r: number;
  p: number;
}

/**
 * N = 2^15, r = 8, p = 1 (32 MiB, about 95 ms on this project's 2-core reference machine). OWASP's
 * 2^17 measured about 4× that per hash here: every login and registration would hold a libuv thread
 * that long, so a few hundred wrong-password calls a second would saturate the server — the hash
 * itself would become the DoS vector. The cost is stored in every hash, so it can be raised later:
 * hashes made with another cost still verify and are rewritten on the next successful login.
 */
export const DEFAULT_COST: ScryptCost = { N: 2 ** 15, r: 8, p: 1 };

const SALT_BYTES = 16;
const KEY_BYTES = 32;
/** Refuse to verify stored costs beyond this: a tampered row must not make us allocate gigabytes. */
const MAX_N = 2 ** 20;

interface ParsedHash extends ScryptCost {
  salt: Buffer;
  hash: Buffer;
}

function parse(stored: string): ParsedHash | null {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return null;
  const [N, r, p] = parts.slice(1, 4).map(Number);
  if (![N, r, p].every((n) => Number.isInteger(n) && n > 0) || N > MAX_N || (N & (N - 1)) !== 0 || r > 32 || p > 16) return null;
  const salt = Buffer.from(parts[4], 'hex');
  const hash = Buffer.from(parts[5], 'hex');
  if (salt.length === 0 || hash.length === 0) return null;
  return { N, r, p, salt, hash };
}

/**
 * Password storage: scrypt with a per-user random salt, stored as `scrypt$N$r$p$salt$hash` (hex), and
 * compared in constant time. Tests and tools may pass a cheaper cost; the code path is the same.
 */
export class PasswordHasher {
  readonly cost: ScryptCost;

  constructor(options: Partial<ScryptCost> = {}) {
    this.cost = { ...DEFAULT_COST, ...options };
  }

  async hash(password: string): Promise<string> {
    const { N, r, p } = this.cost;
    const salt = crypto.randomBytes(SALT_BYTES);
    const key = await this.derive(password, salt, this.cost, KEY_BYTES);
    return ['scrypt', N, r, p, salt.toString('hex'), key.toString('hex')].join('$');
  }

  /** False for a wrong password, an empty stored hash (no password set) or a malformed one. */
  async verify(password: string, stored: string): Promise<boolean> {
    const parsed = stored ? parse(stored) : null;
    if (!parsed) return false;
    const key = await this.derive(password, parsed.salt, parsed, parsed.hash.length);
    return crypto.timingSafeEqual(key, parsed.hash);
  }

  /** Whether a (verified) hash was made with another cost and should be rewritten. */
  needsRehash(stored: string): boolean {
    const parsed = parse(stored);
    return !parsed || parsed.N !== this.cost.N || parsed.r !== this.cost.r || parsed.p !== this.cost.p;
  }

  private derive(password: string, salt: Buffer, { N, r, p }: ScryptCost, length: number): Promise<Buffer> {
    // scrypt needs 128·N·r·p bytes; node's default ceiling (32 MiB) is exactly 2^15·8·128, which it rejects.
    return scrypt(password, salt, length, { N, r, p, maxmem: 2 * 128 * N * r * p + 1024 * 1024 });
  }
}

export const passwordHasher = (_app: AppContext): PasswordHasher => new PasswordHasher();

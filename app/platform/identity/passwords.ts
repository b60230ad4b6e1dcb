import crypto from 'node:crypto';
import { promisify } from 'node:util';
import type { AppContext } from '../../context';
import { ApiError, Code } from '../../core/errors';

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

export interface HashLimits {
  /** Hashes running at once in this process. */
  concurrency: number;
  /** Hashes that may wait for a free slot; one more is refused at once. */
  queue: number;
}

export const DEFAULT_HASH_LIMITS: HashLimits = { concurrency: 2, queue: 32 };

export const hashingBusyError = (): ApiError => new ApiError(Code.BUSINESS, 'server busy: too many password checks at once, try again in a moment');

/**
 * At most `concurrency` tasks at once, `queue` more waiting in order, the rest refused without waiting:
 * a login flood costs the process a bounded amount of CPU and memory (32 MiB per scrypt), and callers
 * past the queue learn it at once instead of timing out. Per process on purpose: it guards this
 * process's cores, which no other process shares.
 */
export class HashGate {
  private running = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(private readonly limits: HashLimits) {}

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.running >= this.limits.concurrency) {
      if (this.waiting.length >= this.limits.queue) throw hashingBusyError();
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    } else {
      this.running++;
    }
    try {
      return await task();
    } finally {
      // The slot passes straight to the next waiter, so `running` never dips while some wait.
      const next = this.waiting.shift();
      if (next) next();
      else this.running--;
    }
  }

  get load(): { running: number; waiting: number } {
    return { running: this.running, waiting: this.waiting.length };
  }
}

/**
 * Password storage: scrypt with a per-user random salt, stored as `scrypt$N$r$p$salt$hash` (hex), and
 * compared in constant time, every hash through one HashGate. Tests and tools may pass a cheaper cost;
 * the code path is the same.
 */
export class PasswordHasher {
  readonly cost: ScryptCost;
  readonly gate: HashGate;

  constructor(options: Partial<ScryptCost> = {}, limits: HashLimits = DEFAULT_HASH_LIMITS) {
    this.cost = { ...DEFAULT_COST, ...options };
    this.gate = new HashGate(limits);
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

  private derive(password: string, salt: Buffer, cost: ScryptCost, length: number): Promise<Buffer> {
    return this.gate.run(() => this.scrypt(password, salt, cost, length));
  }

  /** The hash itself (tests replace it to hold hashes in flight). */
  protected scrypt(password: string, salt: Buffer, { N, r, p }: ScryptCost, length: number): Promise<Buffer> {
    // scrypt needs 128·N·r·p bytes; node's default ceiling (32 MiB) is exactly 2^15·8·128, which it rejects.
    return scrypt(password, salt, length, { N, r, p, maxmem: 2 * 128 * N * r * p + 1024 * 1024 });
  }
}

export const passwordHasher = (app: AppContext): PasswordHasher =>
  new PasswordHasher({}, { concurrency: app.config.login.hashConcurrency, queue: app.config.login.hashQueue });

import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { AppConfig } from '../../../config';
import type { AppContext } from '../../context';

const SECRET_FILE = 'server-secret';
const GENERATED_BYTES = 32;
const MIN_LENGTH = 32;

/**
 * Where the embedded default keeps its generated secret: next to the SQLite file (for an in-memory or a
 * MySQL database, next to where the default SQLite file would be, so every process on the host shares it).
 */
export function serverSecretFile(db: AppConfig['db']): string {
  const base = db.client === 'sqlite' && db.sqliteFile !== ':memory:' ? db.sqliteFile : 'data/yaf.sqlite';
  return path.join(path.dirname(path.resolve(base)), SECRET_FILE);
}

/** Reads the kept secret, or creates it (0600, exclusive: of two processes starting at once, one writes, both read it). */
function keptSecret(file: string): string {
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  try {
    fs.writeFileSync(file, `${crypto.randomBytes(GENERATED_BYTES).toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  }
  // A copy restored with a looser mode is tightened: the file is as secret as the codes it protects.
  if ((fs.statSync(file).mode & 0o077) !== 0) fs.chmodSync(file, 0o600);
  const secret = fs.readFileSync(file, 'utf8').trim();
  if (secret.length < MIN_LENGTH) throw new Error(`${file} holds fewer than ${MIN_LENGTH} characters: delete it to have a new secret generated`);
  return secret;
}

/**
 * The server secret: `SERVER_SECRET`, or outside production the kept one. An in-memory SQLite database
 * lives and dies with its process, so its codes are keyed with a secret of that process alone.
 */
export function resolveServerSecret(config: AppConfig): string {
  if (config.serverSecret) return config.serverSecret;
  if (config.env === 'production') throw new Error('SERVER_SECRET is required in production');
  if (config.db.client === 'sqlite' && config.db.sqliteFile === ':memory:') return crypto.randomBytes(GENERATED_BYTES).toString('hex');
  return keptSecret(serverSecretFile(config.db));
}

/** A key for one purpose, derived from the server secret, so no two uses share a key. */
export class ServerKeys {
  private readonly secret: Buffer;
  private readonly derived = new Map<string, Buffer>();

  constructor(secret: string) {
    this.secret = Buffer.from(secret, 'utf8');
  }

  key(purpose: string): Buffer {
    let key = this.derived.get(purpose);
    if (!key) {
      key = crypto.createHmac('sha256', this.secret).update(`yaf:${purpose}`).digest();
      this.derived.set(purpose, key);
    }
    return key;
  }
}

export const serverKeys = (app: AppContext): ServerKeys => new ServerKeys(resolveServerSecret(app.config));

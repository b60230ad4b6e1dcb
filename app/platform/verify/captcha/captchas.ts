import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { AppContext } from '../../../context';
import { unixSeconds } from '../../../core/clock';
import { formatTime } from '../../../core/time';
import { CAPTCHA_ALPHABET } from './glyphs';
import { renderCaptcha } from './image';

export const CAPTCHA_LENGTH = 5;
export const CAPTCHA_TTL_MS = 5 * 60_000;
const RAND_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
const PROOF = /^[0-9a-f]{32}$/i;

const pick = (alphabet: string, length: number): string => Array.from({ length }, () => alphabet[crypto.randomInt(0, alphabet.length)]).join('');

/** The proof a client sends for a captcha: MD5(lowercase code + rand), 32 lowercase hex. */
export const captchaProof = (code: string, rand: string): string => crypto.createHash('md5').update(code.toLowerCase() + rand, 'utf8').digest('hex');

export interface IssuedCaptcha {
  /** The PNG, base64 (no data: prefix). */
  imgdata: string;
  rand: string;
}

/**
 * Image captchas (campus img.generate): the server keeps only the proof, under `captcha:<proof>` in the
 * KV store for 5 minutes, so every process can check it and none keeps the code. `peek` leaves it,
 * `consume` takes it once (a single DEL: of two parallel consumers one gets it).
 */
export class CaptchaService {
  constructor(private readonly app: AppContext) {}

  async issue(): Promise<IssuedCaptcha> {
    const code = pick(CAPTCHA_ALPHABET, CAPTCHA_LENGTH);
    const rand = pick(RAND_ALPHABET, CAPTCHA_LENGTH);
    await this.app.kv.set(this.key(captchaProof(code, rand)), '1', { ttlMs: CAPTCHA_TTL_MS });
    if (this.app.config.env !== 'production') await this.writeOutbox(rand, code);
    return { imgdata: renderCaptcha(code).toString('base64'), rand };
  }

  async peek(proof: string): Promise<boolean> {
    return PROOF.test(proof) && (await this.app.kv.get(this.key(proof))) !== null;
  }

  async consume(proof: string): Promise<boolean> {
    return PROOF.test(proof) && (await this.app.kv.del(this.key(proof))) > 0;
  }

  private key(proof: string): string {
    return `captcha:${proof.toLowerCase()}`;
  }

  /** Outside production the text goes to a JSON-lines file, as SMS codes do, so tests and developers can finish the flow. */
  private async writeOutbox(rand: string, code: string): Promise<void> {
    const file = this.app.config.captcha.outboxFile;
    await fs.promises.mkdir(path.dirname(path.resolve(file)), { recursive: true });
    await fs.promises.appendFile(file, `${JSON.stringify({ rand, code, time: formatTime(unixSeconds(this.app.clock)) })}\n`, { mode: 0o600 });
  }
}

export const captchaService = (app: AppContext): CaptchaService => new CaptchaService(app);

import crypto from 'node:crypto';
import type { AppContext } from '../../context';
import { unixSeconds } from '../../core/clock';
import { ApiError, Code, refuse } from '../../core/errors';
import { shanghaiDay } from '../../core/time';
import { insertId } from '../../storage/db';
import type { ApiType } from '../gateway/appAuth';
import { courier } from './delivery';
import { recipientAddress, type Channel, type Recipient } from './recipient';
import { serverKeys, type ServerKeys } from './serverSecret';
import { liveTemplate, TRIGGER_CODE, type VerifyTemplate } from './templates';

const DAY_COUNTER_TTL_MS = 26 * 3600 * 1000;
const RAND_ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';
const RAND_LENGTH = 8;

interface VerifyCodeRow {
  id: number;
  code_hash: string;
  rand: string;
  expires_at: number;
  used_at: number;
  voided: number;
}

export interface SendCodeInput {
  recipient: Recipient;
  /** The template's send_key; the template decides the channel, TTL, length and proof style. */
  key: string;
  namespace: ApiType;
  ip: string;
  platform: number;
}

export interface SentCode {
  /** For `md5_rand` templates: what the client hashes the code with (MD5(code + rand)); null otherwise. */
  rand: string | null;
  /** Unix seconds. */
  expiresAt: number;
}

/** A claim to hold the code: the code itself, or for an `md5_rand` code its proof MD5(code + rand). */
export interface CodeClaim {
  recipient: Recipient;
  key: string;
  code?: string;
  proof?: string;
}

/** Per channel: the prefix of its KV counters and the words of its refusals. */
const CHANNEL_RULES: Record<Channel, { counters: string; capPerRecipient: (cap: number) => string }> = {
  sms: { counters: 'sms', capPerRecipient: (cap) => `您的号码今天已发送超过${cap}次` },
  email: { counters: 'mail', capPerRecipient: (cap) => `您的邮箱今天已发送超过${cap}次` },
};

/**
 * The code bound to its channel, recipient and key, so a row cannot be replayed for another address or
 * purpose, and keyed with the server secret: a copy of the table alone cannot be brute-forced (a 6-digit
 * code is only a million guesses). For `md5_rand` codes the proof is what is hashed, so either form checks.
 */
function hashCode(keys: ServerKeys, channel: Channel, address: string, key: string, value: string): string {
  return crypto.createHmac('sha256', keys.key('verify-code')).update(JSON.stringify([channel, address, key, value])).digest('hex');
}

function sameHash(a: string, b: string): boolean {
  return a.length === b.length && crypto.timingSafeEqual(Buffer.from(a), Buffer.from(b));
}

function md5(text: string): string {
  return crypto.createHash('md5').update(text, 'utf8').digest('hex');
}

function randomDigits(length: number): string {
  return String(crypto.randomInt(0, 10 ** length)).padStart(length, '0');
}

function randomRand(): string {
  return Array.from({ length: RAND_LENGTH }, () => RAND_ALPHABET[crypto.randomInt(0, RAND_ALPHABET.length)]).join('');
}

/** What is hashed for a claim: the code, or for a rand-bound code its MD5 proof (given, or made from the code). */
function claimedValue(row: VerifyCodeRow, claim: CodeClaim): string {
  if (!row.rand) return claim.code ?? '';
  if (claim.proof !== undefined) return claim.proof.toLowerCase();
  return claim.code === undefined ? '' : md5(claim.code + row.rand);
}

/**
 * One-time codes by SMS or e-mail, with the rules of their template (TTL, length, proof style): single
 * use, voided after `maxVerifyAttempts` wrong tries, a newer code supersedes the older ones for the same
 * address and key. The send limits (interval, daily caps per recipient and per IP, each channel its own)
 * are counters in the KV store, shared by every process; a send that fails gives back everything it
 * reserved, so a provider outage does not lock the user out for the interval.
 */
export class VerificationCodeService {
  constructor(private readonly app: AppContext) {}

  async send(input: SendCodeInput): Promise<SentCode> {
    const { key, ip } = input;
    const channel = input.recipient.channel;
    const address = recipientAddress(input.recipient);
    const template = await liveTemplate(this.app, key, input.namespace, TRIGGER_CODE, channel);
    const delivery = this.app.use(courier);
    await delivery.assertReachable(address, channel);
    const rules = this.app.config.sms;
    const words = CHANNEL_RULES[channel];
    const undo: Array<() => Promise<unknown>> = [];
    try {
      undo.push(await this.claimInterval(words.counters, address, key));
      undo.push(await this.reserveDaily(words.counters, `m:${address}`, rules.dailyCapPerMobile, words.capPerRecipient(rules.dailyCapPerMobile)));
      undo.push(await this.reserveDaily(words.counters, `ip:${ip}`, rules.dailyCapPerIp, '您的IP今日发送超过上限'));
      return await this.storeAndDeliver(template, address, input, undo);
    } catch (err) {
      for (const step of undo.reverse()) await step();
      throw err;
    }
  }

  /** Checks a claim; with `consume` the code is spent (of two concurrent uses only one succeeds). */
  async verify(claim: CodeClaim & { consume: boolean }): Promise<void> {
    const address = recipientAddress(claim.recipient);
    const db = this.app.db;
    const row: VerifyCodeRow | undefined = await db('verify_codes').where({ mobile: address, send_key: claim.key }).orderBy('id', 'desc').first();
    const now = unixSeconds(this.app.clock);
    if (!row) throw refuse('请先获取验证码');
    if (row.used_at) throw refuse('验证码已使用，请重新获取');
    if (row.voided) throw refuse('验证码已失效，请重新获取');
    if (now >= row.expires_at) throw refuse('验证码已过期，请重新获取');
    // The attempt is reserved before the comparison, in one conditional update: a burst of parallel
    // guesses gets at most maxVerifyAttempts comparisons, whatever their order.
    const max = this.app.config.sms.maxVerifyAttempts;
    const reserved = await db('verify_codes').where({ id: row.id, used_at: 0, voided: 0 }).where('attempts', '<', max).increment('attempts', 1);
    if (!reserved) throw refuse('验证码已失效，请重新获取');
    const value = claimedValue(row, claim);
    const expected = value ? hashCode(this.app.use(serverKeys), claim.recipient.channel, address, claim.key, value) : '';
    if (!expected || !sameHash(row.code_hash, expected)) {
      await db('verify_codes').where({ id: row.id }).where('attempts', '>=', max).update({ voided: 1 });
      throw new ApiError(Code.SMS_CODE_WRONG, '您的验证码不正确');
    }
    // A right code is not a miss: give its reservation back.
    await db('verify_codes').where({ id: row.id }).where('attempts', '>', 0).decrement('attempts', 1);
    if (!claim.consume) return;
    const taken = await db('verify_codes').where({ id: row.id, used_at: 0, voided: 0 }).update({ used_at: now });
    if (!taken) throw refuse('验证码已使用，请重新获取');
  }

  /** Peeks: a right code stays usable, a wrong one counts towards voiding it (account's auth.check_code). */
  check(claim: CodeClaim): Promise<void> {
    return this.verify({ ...claim, consume: false });
  }

  consume(claim: CodeClaim): Promise<void> {
    return this.verify({ ...claim, consume: true });
  }

  private async storeAndDeliver(template: VerifyTemplate, address: string, input: SendCodeInput, undo: Array<() => Promise<unknown>>): Promise<SentCode> {
    const channel = template.send_channel;
    const code = randomDigits(template.code_length);
    const rand = template.proof === 'md5_rand' ? randomRand() : '';
    const now = unixSeconds(this.app.clock);
    const expiresAt = now + (template.ttl_sec || this.app.config.sms.codeTtlSec);
    const id = await insertId(
      this.app.db('verify_codes').insert({
        mobile: address,
        channel,
        send_key: template.send_key,
        code_hash: hashCode(this.app.use(serverKeys), channel, address, template.send_key, rand ? md5(code + rand) : code),
        rand,
        expires_at: expiresAt,
        ip: input.ip.slice(0, 45),
        c_time: now,
      }),
    );
    undo.push(() => this.app.db('verify_codes').where({ id }).delete());
    await this.app.use(courier).deliver({ template, address, code, values: {}, ip: input.ip, platform: input.platform });
    await this.app.db('verify_codes').where({ mobile: address, send_key: template.send_key, used_at: 0, voided: 0 }).where('id', '<', id).update({ voided: 1 });
    return { rand: rand || null, expiresAt };
  }

  /**
   * At most one send per address and key per interval. The last send's time (app clock) is the value,
   * so the check also holds where the store's own TTL runs on another clock; answers the release.
   */
  private async claimInterval(prefix: string, address: string, key: string): Promise<() => Promise<unknown>> {
    const kv = this.app.kv;
    const intervalSec = this.app.config.sms.resendIntervalSec;
    const slot = `${prefix}:interval:${key}:${address}`;
    const now = this.app.clock.now();
    const mine = String(now);
    if (!(await kv.set(slot, mine, { ttlMs: intervalSec * 1000, onlyIfAbsent: true }))) {
      const last = Number(await kv.get(slot));
      if (last && now - last < intervalSec * 1000) throw refuse(`两次发送间隔不能小于${intervalSec}秒`);
      await kv.set(slot, mine, { ttlMs: intervalSec * 1000 });
    }
    return async () => {
      if ((await kv.get(slot)) === mine) await kv.del(slot);
    };
  }

  /** Counts one send against a daily (Asia/Shanghai) cap, or refuses; answers the release. */
  private async reserveDaily(prefix: string, subject: string, cap: number, message: string): Promise<() => Promise<unknown>> {
    const counter = `${prefix}:day:${shanghaiDay(this.app.clock.now())}:${subject}`;
    const release = () => this.app.kv.incr(counter, { by: -1, ttlMs: DAY_COUNTER_TTL_MS });
    if ((await this.app.kv.incr(counter, { ttlMs: DAY_COUNTER_TTL_MS })) > cap) {
      await release();
      throw refuse(message);
    }
    return release;
  }
}

export const verificationCodes = (app: AppContext): VerificationCodeService => new VerificationCodeService(app);

import crypto from 'node:crypto';
import type { AppContext } from '../../../context';
import { unixSeconds } from '../../../core/clock';
import { ApiError, Code, refuse } from '../../../core/errors';
import { shanghaiDay } from '../../../core/time';
import { insertId } from '../../../storage/db';
import type { ApiType } from '../../gateway/appAuth';
import { serverKeys, type ServerKeys } from '../serverSecret';
import { smsMessenger, TRIGGER_CODE } from './messages';

/** Code templates of the back office (its 2FA); member keys are in userCodes.ts. */
export const ADMIN_CODE_KEYS = ['ADMIN_LOGIN_CODE'] as const;

const DAY_COUNTER_TTL_MS = 26 * 3600 * 1000;

interface VerifyCodeRow {
  id: number;
  code_hash: string;
  expires_at: number;
  used_at: number;
  voided: number;
}

/**
 * The code bound to its mobile and key, so a row cannot be replayed for another number or purpose, and
 * keyed with the server secret: a copy of the table alone cannot be brute-forced (a 6-digit code is only
 * a million guesses).
 */
function hashCode(keys: ServerKeys, mobile: string, key: string, code: string): string {
  return crypto.createHmac('sha256', keys.key('verify-code')).update(JSON.stringify(['sms', mobile, key, code])).digest('hex');
}

function sameHash(a: string, b: string): boolean {
  return a.length === b.length && crypto.timingSafeEqual(Buffer.from(a), Buffer.from(b));
}

/**
 * One-time SMS codes: 6 digits, `sms.codeTtlSec` long, single use, voided after `maxVerifyAttempts`
 * wrong tries; a newer code supersedes the older ones for the same mobile and key. The send limits
 * (interval, daily caps) are counters in the KV store, shared by every process; a send that fails
 * gives back everything it reserved, so a provider outage does not lock the user out for 60 s.
 */
export class SmsCodeService {
  constructor(private readonly app: AppContext) {}

  async send(input: { mobile: string; key: string; namespace: ApiType; ip: string; platform: number }): Promise<void> {
    const { mobile, key, ip } = input;
    const messenger = this.app.use(smsMessenger);
    const template = await messenger.template(key, input.namespace, TRIGGER_CODE);
    await messenger.assertReachable(mobile);
    const undo: Array<() => Promise<unknown>> = [];
    try {
      undo.push(await this.claimInterval(mobile, key));
      undo.push(await this.reserveDaily(`m:${mobile}`, this.app.config.sms.dailyCapPerMobile, `您的号码今天已发送超过${this.app.config.sms.dailyCapPerMobile}次`));
      undo.push(await this.reserveDaily(`ip:${ip}`, this.app.config.sms.dailyCapPerIp, '您的IP今日发送超过上限'));
      const code = String(crypto.randomInt(0, 1_000_000)).padStart(6, '0');
      const now = unixSeconds(this.app.clock);
      const id = await insertId(
        this.app.db('verify_codes').insert({
          mobile,
          send_key: key,
          code_hash: hashCode(this.app.use(serverKeys), mobile, key, code),
          expires_at: now + this.app.config.sms.codeTtlSec,
          ip: ip.slice(0, 45),
          c_time: now,
        }),
      );
      undo.push(() => this.app.db('verify_codes').where({ id }).delete());
      await messenger.deliver({ template, mobile, code, values: {}, ip, platform: input.platform });
      await this.app.db('verify_codes')
        .where({ mobile, send_key: key, used_at: 0, voided: 0 })
        .where('id', '<', id)
        .update({ voided: 1 });
    } catch (err) {
      for (const step of undo.reverse()) await step();
      throw err;
    }
  }

  async verify(input: { mobile: string; key: string; code: string; consume: boolean }): Promise<void> {
    const { mobile, key } = input;
    const db = this.app.db;
    const row: VerifyCodeRow | undefined = await db('verify_codes').where({ mobile, send_key: key }).orderBy('id', 'desc').first();
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
    if (!sameHash(row.code_hash, hashCode(this.app.use(serverKeys), mobile, key, input.code))) {
      await db('verify_codes').where({ id: row.id }).where('attempts', '>=', max).update({ voided: 1 });
      throw new ApiError(Code.SMS_CODE_WRONG, '您的验证码不正确');
    }
    // A right code is not a miss: give its reservation back.
    await db('verify_codes').where({ id: row.id }).where('attempts', '>', 0).decrement('attempts', 1);
    if (!input.consume) return;
    // Conditional, so that of two concurrent uses of one code only one succeeds.
    const taken = await db('verify_codes').where({ id: row.id, used_at: 0, voided: 0 }).update({ used_at: now });
    if (!taken) throw refuse('验证码已使用，请重新获取');
  }

  /**
   * At most one send per mobile and key per interval. The last send's time (app clock) is the value,
   * so the check also holds where the store's own TTL runs on another clock; answers the release.
   */
  private async claimInterval(mobile: string, key: string): Promise<() => Promise<unknown>> {
    const kv = this.app.kv;
    const intervalSec = this.app.config.sms.resendIntervalSec;
    const slot = `sms:interval:${key}:${mobile}`;
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
  private async reserveDaily(subject: string, cap: number, message: string): Promise<() => Promise<unknown>> {
    const counter = `sms:day:${shanghaiDay(this.app.clock.now())}:${subject}`;
    const release = () => this.app.kv.incr(counter, { by: -1, ttlMs: DAY_COUNTER_TTL_MS });
    if ((await this.app.kv.incr(counter, { ttlMs: DAY_COUNTER_TTL_MS })) > cap) {
      await release();
      throw refuse(message);
    }
    return release;
  }
}

export const smsCodeService = (app: AppContext): SmsCodeService => new SmsCodeService(app);

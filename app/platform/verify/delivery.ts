import type { AppContext } from '../../context';
import { unixSeconds } from '../../core/clock';
import { refuse } from '../../core/errors';
import { insertId } from '../../storage/db';
import { mailDriverFactory } from './mail/driver';
import { DeliveryError } from './outbox';
import type { Channel } from './recipient';
import { smsDriverFactory } from './sms/driver';
import type { VerifyTemplate } from './templates';

const LOG_QUEUED = 1;
const LOG_SENT = 2;
const LOG_FAILED = 3;

const PLACEHOLDER = /%([A-Z][A-Z0-9_]*)%/g;

export interface RenderedMessage {
  text: string;
  /** The text with the code hidden: what the send log keeps. */
  maskedText: string;
  params: string[];
}

/** Fills `%NAME%` placeholders from `values` (upper-case names); a placeholder without a value is refused. */
export function renderTemplate(body: string, values: Record<string, string>): RenderedMessage {
  const params: string[] = [];
  const fill = (hideCode: boolean) =>
    body.replace(PLACEHOLDER, (_, name: string) => {
      const value = values[name];
      if (value === undefined) throw refuse(`短信模板参数缺少${name}`);
      if (!hideCode) params.push(value);
      return hideCode && name === 'CODE' ? '*'.repeat(value.length) : value;
    });
  const text = fill(false);
  return { text, maskedText: fill(true), params };
}

const UNREACHABLE: Record<Channel, string> = { sms: '您的手机号码暂时无法接收短信', email: '您的邮箱暂时无法接收邮件' };
const SEND_FAILED: Record<Channel, string> = { sms: '短信发送失败，请稍后重试', email: '邮件发送失败，请稍后重试' };

export interface Delivery {
  template: VerifyTemplate;
  /** The recipient address (see recipient.ts). */
  address: string;
  /** The one-time code, '' for a system notice. */
  code: string;
  values: Record<string, string>;
  ip: string;
  platform: number;
}

/**
 * The blacklist, rendering and delivery through the channel's configured driver with its send log:
 * what code messages and system notices, SMS and e-mail, have in common. The log never holds a code.
 */
export class Courier {
  constructor(private readonly app: AppContext) {}

  /** One blacklist for both channels: an address is a number or contains an `@`, never both. */
  async assertReachable(address: string, channel: Channel): Promise<void> {
    const blocked = await this.app.db('sms_blacklist').where({ mobile: address, status: 1 }).first('id');
    if (blocked) throw refuse(UNREACHABLE[channel]);
  }

  /** Renders and sends one message, logging it with the code masked; a provider failure is a 503. */
  async deliver(input: Delivery): Promise<void> {
    const { template, address, code } = input;
    const rendered = renderTemplate(template.body, code ? { ...input.values, CODE: code } : input.values);
    const logId = await insertId(
      this.app.db('sms_send_log').insert({
        mobile: address,
        channel: template.send_channel,
        send_key: template.send_key,
        text: rendered.maskedText.slice(0, 500),
        status: LOG_QUEUED,
        ip: input.ip.slice(0, 45),
        platform: input.platform,
        c_time: unixSeconds(this.app.clock),
      }),
    );
    try {
      if (template.send_channel === 'email') {
        await this.app.use(mailDriverFactory).send({ to: address, key: template.send_key, code, subject: template.title, text: rendered.text });
      } else {
        await this.app.use(smsDriverFactory).send({
          mobile: address,
          key: template.send_key,
          code,
          text: rendered.text,
          providerTemplateId: template.provider_template_id,
          params: rendered.params,
        });
      }
    } catch (err) {
      const reason = err instanceof DeliveryError ? err.message : `driver error: ${(err as Error).message}`;
      this.app.logger.warn({ logId, key: template.send_key, channel: template.send_channel, reason }, 'delivery failed');
      await this.app.db('sms_send_log').where({ id: logId }).update({ status: LOG_FAILED, error: reason.slice(0, 255) });
      throw refuse(SEND_FAILED[template.send_channel]);
    }
    await this.app.db('sms_send_log').where({ id: logId }).update({ status: LOG_SENT });
  }
}

export const courier = (app: AppContext): Courier => new Courier(app);

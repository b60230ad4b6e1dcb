import type { AppContext } from '../../../context';
import { unixSeconds } from '../../../core/clock';
import { refuse } from '../../../core/errors';
import { insertId } from '../../../storage/db';
import type { ApiType } from '../../gateway/appAuth';
import { SmsDeliveryError, smsDriverFactory } from './driver';

export const TRIGGER_CODE = 1;
export const TRIGGER_SYSTEM = 2;

const LOG_QUEUED = 1;
const LOG_SENT = 2;
const LOG_FAILED = 3;

const PLACEHOLDER = /%([A-Z][A-Z0-9_]*)%/g;

export interface SmsTemplate {
  id: number;
  send_key: string;
  body: string;
  trigger_type: number;
  namespaces: string;
  provider_template_id: string;
}

export interface RenderedSms {
  text: string;
  /** The text with the code hidden: what the send log keeps. */
  maskedText: string;
  params: string[];
}

/** Fills `%NAME%` placeholders from `values` (upper-case names); a placeholder without a value is refused. */
export function renderTemplate(body: string, values: Record<string, string>): RenderedSms {
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

/**
 * Templates, the blacklist and delivery through the configured driver with its send log: what code
 * messages and system notices have in common.
 */
export class SmsMessenger {
  constructor(private readonly app: AppContext) {}

  /** The live template `key` of the given trigger type, if `namespace` may send it; otherwise 503. */
  async template(key: string, namespace: ApiType, triggerType: number): Promise<SmsTemplate> {
    const row: SmsTemplate | undefined = await this.app.db('sms_templates').where({ send_key: key, status: 1 }).first();
    const allowed = row?.namespaces.split(',').map((n) => n.trim()).includes(namespace);
    if (!row || !allowed || Number(row.trigger_type) !== triggerType) throw refuse('短信模板不存在');
    return row;
  }

  async assertReachable(mobile: string): Promise<void> {
    const blocked = await this.app.db('sms_blacklist').where({ mobile, status: 1 }).first('id');
    if (blocked) throw refuse('您的手机号码暂时无法接收短信');
  }

  /** Renders and sends one message, logging it with the code masked; a provider failure is a 503. */
  async deliver(input: { template: SmsTemplate; mobile: string; code: string; values: Record<string, string>; ip: string; platform: number }): Promise<void> {
    const { template, mobile, code } = input;
    const rendered = renderTemplate(template.body, code ? { ...input.values, CODE: code } : input.values);
    const logId = await insertId(
      this.app.db('sms_send_log').insert({
        mobile,
        send_key: template.send_key,
        text: rendered.maskedText.slice(0, 500),
        status: LOG_QUEUED,
        ip: input.ip.slice(0, 45),
        platform: input.platform,
        c_time: unixSeconds(this.app.clock),
      }),
    );
    try {
      await this.app.use(smsDriverFactory).send({
        mobile,
        key: template.send_key,
        code,
        text: rendered.text,
        providerTemplateId: template.provider_template_id,
        params: rendered.params,
      });
    } catch (err) {
      const reason = err instanceof SmsDeliveryError ? err.message : `driver error: ${(err as Error).message}`;
      this.app.logger.warn({ logId, key: template.send_key, reason }, 'sms delivery failed');
      await this.app.db('sms_send_log').where({ id: logId }).update({ status: LOG_FAILED, error: reason.slice(0, 255) });
      throw refuse('短信发送失败，请稍后重试');
    }
    await this.app.db('sms_send_log').where({ id: logId }).update({ status: LOG_SENT });
  }

  /** A system notice (trigger type 2): no code, no send limits, placeholders from `replace`. */
  async sendSystem(input: { mobile: string; key: string; namespace: ApiType; replace: Record<string, string>; ip: string; platform: number }): Promise<void> {
    const template = await this.template(input.key, input.namespace, TRIGGER_SYSTEM);
    await this.assertReachable(input.mobile);
    const values = Object.fromEntries(Object.entries(input.replace).map(([name, value]) => [name.toUpperCase(), value]));
    await this.deliver({ template, mobile: input.mobile, code: '', values, ip: input.ip, platform: input.platform });
  }
}

export const smsMessenger = (app: AppContext): SmsMessenger => new SmsMessenger(app);

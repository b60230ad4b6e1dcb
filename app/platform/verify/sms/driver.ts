import type { AppContext } from '../../../context';
import { DeliveryError, OutboxDriver } from '../outbox';
import { TencentSmsDriver } from './tencent';

/** One rendered message, with what each provider needs to send it its own way. */
export interface SmsMessage {
  /** The recipient address: a mainland number, or `+<area><number>` (recipient.ts). */
  mobile: string;
  /** The template's send_key. */
  key: string;
  /** The one-time code, '' for a system notice. */
  code: string;
  /** The full text, placeholders filled (the outbox and text-based providers send this). */
  text: string;
  /** The provider's own template id (Tencent sends a template id plus parameters, not text). */
  providerTemplateId: string;
  /** The placeholder values in the order they appear in the body: the provider template's {1}, {2}… */
  params: string[];
}

export interface SmsDriver {
  /** Resolves once the provider accepted the message; rejects with `SmsDeliveryError` otherwise. */
  send(message: SmsMessage): Promise<void>;
}

/** The provider refused or could not be reached. */
export class SmsDeliveryError extends DeliveryError {}

/** The configured driver; tests replace it with `app.provide(smsDriverFactory, fake)`. */
export const smsDriverFactory = (app: AppContext): SmsDriver =>
  app.config.sms.driver === 'tencent'
    ? new TencentSmsDriver(app.config.sms.tencent, () => app.clock.now())
    : new OutboxDriver<SmsMessage>(app.config.sms.outboxFile, app.clock, ({ mobile, key, code, text }) => ({ mobile, key, code, text }));

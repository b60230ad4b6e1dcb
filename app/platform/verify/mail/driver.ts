import type { AppContext } from '../../../context';
import { DeliveryError, OutboxDriver } from '../outbox';
import { SmtpMailDriver } from './smtp';

/** One rendered e-mail. */
export interface MailMessage {
  to: string;
  /** The template's send_key. */
  key: string;
  /** The one-time code, '' when the mail carries none. */
  code: string;
  subject: string;
  text: string;
}

export interface MailDriver {
  /** Resolves once the server accepted the message; rejects with `MailDeliveryError` otherwise. */
  send(message: MailMessage): Promise<void>;
}

/** The mail server refused or could not be reached. */
export class MailDeliveryError extends DeliveryError {}

/** The configured driver; tests replace it with `app.provide(mailDriverFactory, fake)`. */
export const mailDriverFactory = (app: AppContext): MailDriver =>
  app.config.mail.driver === 'smtp'
    ? new SmtpMailDriver(app.config.mail.smtp)
    : new OutboxDriver<MailMessage>(app.config.mail.outboxFile, app.clock, ({ to, key, code, subject, text }) => ({ to, key, code, subject, text }));

import nodemailer, { type Transporter } from 'nodemailer';
import type { AppConfig } from '../../../../config';
import { MailDeliveryError, type MailDriver, type MailMessage } from './driver';

const TIMEOUT_MS = 10_000;

/** E-mail through an SMTP server (nodemailer), one transport per process (the driver is built once per AppContext). */
export class SmtpMailDriver implements MailDriver {
  private readonly transport: Transporter;

  constructor(private readonly config: AppConfig['mail']['smtp']) {
    this.transport = nodemailer.createTransport({
      host: config.host,
      port: config.port,
      // true: TLS from the first byte (port 465); false: plain, upgraded with STARTTLS when offered.
      secure: config.secure,
      auth: config.user ? { user: config.user, pass: config.password } : undefined,
      // A hung mail server must not hold the caller's request for nodemailer's default two minutes.
      connectionTimeout: TIMEOUT_MS,
      greetingTimeout: TIMEOUT_MS,
      socketTimeout: TIMEOUT_MS,
    });
  }

  async send(message: MailMessage): Promise<void> {
    try {
      await this.transport.sendMail({ from: this.config.from, to: message.to, subject: message.subject, text: message.text });
    } catch (err) {
      throw new MailDeliveryError(`smtp: ${(err as Error).message}`);
    }
  }
}

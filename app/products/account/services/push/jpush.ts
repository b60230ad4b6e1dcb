import type { AppConfig } from '../../../../../config';
import { PushDeliveryError, type PushBatch, type PushDriver } from './driver';

const TIMEOUT_MS = 10_000;

interface JPushAnswer {
  sendno?: string;
  msg_id?: string;
  error?: { code?: number; message?: string };
}

/**
 * JPush (极光推送) Push API v3: `POST /v3/push` with HTTP Basic auth base64(appKey:masterSecret), a JSON
 * push object whose audience is the devices' registration ids (at most 1,000 per request), a notification
 * for Android (title + alert) and iOS (APNs alert with title and body). A non-2xx answer carries
 * `{error: {code, message}}`; a 200 carries `{sendno, msg_id}`.
 */
export class JPushDriver implements PushDriver {
  readonly batchSize = 1000;

  constructor(private readonly config: AppConfig['push']['jpush']) {}

  async send(batch: PushBatch): Promise<void> {
    const platforms = [...new Set(batch.devices.map((d) => d.client_type))].sort();
    const payload = JSON.stringify({
      platform: platforms,
      audience: { registration_id: batch.devices.map((d) => d.client_id) },
      notification: {
        android: { alert: batch.body, title: batch.title, extras: { push_id: batch.push_id } },
        ios: { alert: { title: batch.title, body: batch.body }, sound: 'default', extras: { push_id: batch.push_id } },
      },
      options: { apns_production: this.config.apnsProduction },
    });
    const auth = Buffer.from(`${this.config.appKey}:${this.config.masterSecret}`).toString('base64');
    let status: number;
    let answer: JPushAnswer;
    try {
      const response = await fetch(this.config.apiUrl, {
        method: 'POST',
        headers: { Authorization: `Basic ${auth}`, 'Content-Type': 'application/json' },
        body: payload,
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
      status = response.status;
      answer = (await response.json().catch(() => ({}))) as JPushAnswer;
    } catch (err) {
      throw new PushDeliveryError(`jpush unreachable: ${(err as Error).message}`);
    }
    if (answer.error) throw new PushDeliveryError(`jpush ${answer.error.code ?? status}: ${answer.error.message ?? 'refused'}`);
    if (status < 200 || status >= 300) throw new PushDeliveryError(`jpush HTTP ${status}`);
    if (!answer.msg_id) throw new PushDeliveryError('jpush answered without a msg_id');
  }
}

import type { AppContext } from '../../../../context';
import { JPushDriver } from './jpush';
import { OutboxPushDriver } from './outbox';

export interface PushDevice {
  client_id: string;
  client_type: 'android' | 'ios';
}

/** One push to a batch of devices (at most the driver's `batchSize`). */
export interface PushBatch {
  push_id: number;
  title: string;
  body: string;
  devices: PushDevice[];
}

export interface PushDriver {
  /** Devices per `send` call (JPush: 1,000 registration ids per request). */
  readonly batchSize: number;
  /** Resolves once the provider accepted the batch; rejects with `PushDeliveryError` otherwise. */
  send(batch: PushBatch): Promise<void>;
}

/** The provider refused or could not be reached; the message is for the log, never for a client. */
export class PushDeliveryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PushDeliveryError';
  }
}

/** The configured driver; tests replace it with `app.provide(pushDriverFactory, fake)`. */
export const pushDriverFactory = (app: AppContext): PushDriver => {
  if (app.config.push.driver === 'jpush') return new JPushDriver(app.config.push.jpush);
  if (app.config.env === 'production') app.logger.warn('PUSH_DRIVER=outbox in production: pushes are written to the outbox file, not sent (set PUSH_DRIVER=jpush)');
  return new OutboxPushDriver(app.config.push.outboxFile);
};

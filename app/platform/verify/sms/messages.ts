import type { AppContext } from '../../../context';
import type { ApiType } from '../../gateway/appAuth';
import { courier } from '../delivery';
import { liveTemplate, TRIGGER_SYSTEM } from '../templates';

/** System notices by SMS (trigger type 2): no code, no send limits. */
export class SmsMessenger {
  constructor(private readonly app: AppContext) {}

  /** Placeholders come from `replace` (names upper-cased). */
  async sendSystem(input: { mobile: string; key: string; namespace: ApiType; replace: Record<string, string>; ip: string; platform: number }): Promise<void> {
    const template = await liveTemplate(this.app, input.key, input.namespace, TRIGGER_SYSTEM, 'sms');
    const delivery = this.app.use(courier);
    await delivery.assertReachable(input.mobile, 'sms');
    const values = Object.fromEntries(Object.entries(input.replace).map(([name, value]) => [name.toUpperCase(), value]));
    await delivery.deliver({ template, address: input.mobile, code: '', values, ip: input.ip, platform: input.platform });
  }
}

export const smsMessenger = (app: AppContext): SmsMessenger => new SmsMessenger(app);

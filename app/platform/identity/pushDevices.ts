import type { AppContext } from '../../context';
import { unixSeconds } from '../../core/clock';
import { isUniqueViolation } from '../../storage/db';

export interface PushDeviceRow {
  id: number;
  user_id: number;
  device_token: string;
  platform: number;
  app_v: string;
  last_device_token: string;
  c_time: number;
  u_time: number;
}

/** Only the phone apps receive pushes. */
const PUSH_PLATFORMS = new Set([1, 2]);

/**
 * The one device a user's pushes go to (`push_devices`, one row per user). A login on a phone with a
 * device token moves the binding there, keeping the previous token in `last_device_token`; a login
 * without one (web, H5) leaves the phone's binding alone. Logout of the phone blanks the token.
 */
export class PushDeviceService {
  constructor(private readonly app: AppContext) {}

  async bind(userId: number, device: { deviceToken: string; platform: number; appV: string }): Promise<void> {
    if (!device.deviceToken || !PUSH_PLATFORMS.has(device.platform)) return;
    const now = unixSeconds(this.app.clock);
    const fields = { device_token: device.deviceToken.slice(0, 255), platform: device.platform, app_v: device.appV.slice(0, 20), u_time: now };
    if (!(await this.find(userId))) {
      try {
        await this.app.db('push_devices').insert({ user_id: userId, ...fields, last_device_token: '', c_time: now });
        await this.releaseFromOthers(userId, fields.device_token, now);
        return;
      } catch (err) {
        if (!isUniqueViolation(err)) throw err; // a parallel login bound it first: update that row instead
      }
    }
    const row = (await this.find(userId))!;
    await this.app.db('push_devices')
      .where({ user_id: userId })
      .update({ ...fields, last_device_token: row.device_token !== fields.device_token && row.device_token ? row.device_token : row.last_device_token });
    await this.releaseFromOthers(userId, fields.device_token, now);
  }

  /** One phone, one member: whoever logged in on this device before no longer gets pushes on it. */
  private async releaseFromOthers(userId: number, deviceToken: string, now: number): Promise<void> {
    await this.app.db('push_devices')
      .where({ device_token: deviceToken })
      .whereNot({ user_id: userId })
      .update({ device_token: '', last_device_token: deviceToken, u_time: now });
  }

  /** Logout: the device stops receiving this user's pushes. */
  async unbind(userId: number): Promise<void> {
    const row = await this.find(userId);
    if (!row || !row.device_token) return;
    await this.app.db('push_devices')
      .where({ user_id: userId })
      .update({ device_token: '', last_device_token: row.device_token, u_time: unixSeconds(this.app.clock) });
  }

  find(userId: number): Promise<PushDeviceRow | undefined> {
    return this.app.db('push_devices').where({ user_id: userId }).first();
  }
}

export const pushDeviceService = (app: AppContext): PushDeviceService => new PushDeviceService(app);

import type { AppContext } from '../../../context';
import { unixSeconds } from '../../../core/clock';
import { installTemplates, type TemplateSeed } from '../../../platform/verify/templates';

/** `send.sms.code` has no purpose parameter: one key whose code serves signup, login and password reset (catalogue decision 12). */
export const SHOW_TEMPLATES: readonly TemplateSeed[] = [
  { send_key: 'SHOW_AUTH_CODE', title: '验证码', body: '您的验证码为%CODE%，10分钟内有效，请勿泄露给他人。', trigger_type: 1, namespaces: ['show'] },
];

/** Reference data: installed on every start (app/platform/reference/install.ts). */
export async function install(app: AppContext): Promise<void> {
  await installTemplates(app.db, SHOW_TEMPLATES, unixSeconds(app.clock));
}

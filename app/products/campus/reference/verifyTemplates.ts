import type { AppContext } from '../../../context';
import { unixSeconds } from '../../../core/clock';
import { installTemplates, type TemplateSeed } from '../../../platform/verify/templates';

/** `sms.generate`: 3-minute codes, proven by the code or by MD5(code + rand) with the rand it answers. */
export const CAMPUS_TEMPLATES: readonly TemplateSeed[] = [
  {
    send_key: 'CAMPUS_REGISTER_CODE',
    title: '校园注册',
    body: '您的验证码为%CODE%，3分钟内有效，请勿泄露给他人。',
    trigger_type: 1,
    namespaces: ['campus'],
    ttl_sec: 180,
    proof: 'md5_rand',
  },
];

/** Reference data: installed on every start (app/platform/reference/install.ts). */
export async function install(app: AppContext): Promise<void> {
  await installTemplates(app.db, CAMPUS_TEMPLATES, unixSeconds(app.clock));
}

import type { AppContext } from '../../../context';
import { unixSeconds } from '../../../core/clock';
import { installTemplates, type TemplateSeed } from '../../../platform/verify/templates';

const BODY = '您的验证码为%CODE%，10分钟内有效，请勿泄露给他人。';

/**
 * `auth.send_code` takes a phone or an e-mail address and has no purpose parameter: one code per
 * account serves registration and any later check (catalogue decision 4), one template per channel.
 */
export const ACCOUNT_TEMPLATES: readonly TemplateSeed[] = [
  { send_key: 'ACCOUNT_SMS_CODE', title: '账号验证码', body: BODY, trigger_type: 1, namespaces: ['account'], send_channel: 'sms' },
  { send_key: 'ACCOUNT_EMAIL_CODE', title: '您的账号验证码', body: `${BODY}如非本人操作，请忽略本邮件。`, trigger_type: 1, namespaces: ['account'], send_channel: 'email' },
];

/** Reference data: installed on every start (app/platform/reference/install.ts). */
export async function install(app: AppContext): Promise<void> {
  await installTemplates(app.db, ACCOUNT_TEMPLATES, unixSeconds(app.clock));
}

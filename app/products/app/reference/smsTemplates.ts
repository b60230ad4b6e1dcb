import type { AppContext } from '../../../context';
import { unixSeconds } from '../../../core/clock';
import type { Knex } from '../../../storage/db';
import { installTemplates, type TemplateSeed } from '../../../platform/verify/templates';

const CODE_VALIDITY = '10分钟内有效，请勿泄露给他人';

/** The app, activity and admin namespaces' templates: 6-digit codes, 10 minutes (SMS_CODE_TTL_SEC). */
export const SMS_TEMPLATES: readonly TemplateSeed[] = [
  { send_key: 'USER_REGISTER_CODE', title: '用户注册', body: `您的注册验证码为%CODE%，${CODE_VALIDITY}。`, trigger_type: 1, namespaces: ['app', 'activity'] },
  { send_key: 'USER_LOGIN_CODE', title: '用户登录', body: `您的登录验证码为%CODE%，${CODE_VALIDITY}。`, trigger_type: 1, namespaces: ['app', 'activity'] },
  { send_key: 'USER_PWD_FIND_CODE', title: '找回密码', body: `您正在找回密码，验证码为%CODE%，${CODE_VALIDITY}。`, trigger_type: 1, namespaces: ['app'] },
  { send_key: 'USER_MOBILE_CHANGE_CODE', title: '更换手机号', body: `您正在更换绑定手机号，验证码为%CODE%，${CODE_VALIDITY}。`, trigger_type: 1, namespaces: ['app'] },
  { send_key: 'ADMIN_LOGIN_CODE', title: '管理后台登录', body: `您的后台登录验证码为%CODE%，${CODE_VALIDITY}。`, trigger_type: 1, namespaces: ['admin'] },
  { send_key: 'EXCEPTION_LOGIN', title: '异常登录提醒', body: '您的账号%MOBILE%在新设备上登录，如非本人操作请及时修改密码。', trigger_type: 2, namespaces: ['admin'] },
];

/** The SMS templates every deployment needs; adds the missing ones only, so it is safe to run twice. */
export async function seedSmsTemplates(db: Knex, now = Math.floor(Date.now() / 1000)): Promise<void> {
  await installTemplates(db, SMS_TEMPLATES, now);
}

/** Reference data: installed on every start in every environment (see app/platform/reference/install.ts). */
export async function install(app: AppContext): Promise<void> {
  await seedSmsTemplates(app.db, unixSeconds(app.clock));
}

import type { AppContext } from '../../../context';
import { unixSeconds } from '../../../core/clock';
import { installTemplates, type TemplateSeed } from '../../../platform/verify/templates';

const CODE_VALIDITY = '10分钟内有效，请勿泄露给他人';

/**
 * nearby signs members up and in with the shared member keys (`sms.send` key USER_REGISTER_CODE or
 * USER_LOGIN_CODE): where the app product installed them first, they are granted to `nearby` too.
 */
export const NEARBY_TEMPLATES: readonly TemplateSeed[] = [
  { send_key: 'USER_REGISTER_CODE', title: '用户注册', body: `您的注册验证码为%CODE%，${CODE_VALIDITY}。`, trigger_type: 1, namespaces: ['nearby'] },
  { send_key: 'USER_LOGIN_CODE', title: '用户登录', body: `您的登录验证码为%CODE%，${CODE_VALIDITY}。`, trigger_type: 1, namespaces: ['nearby'] },
];

/** Reference data: installed on every start (app/platform/reference/install.ts). */
export async function install(app: AppContext): Promise<void> {
  await installTemplates(app.db, NEARBY_TEMPLATES, unixSeconds(app.clock));
}

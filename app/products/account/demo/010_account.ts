import type { AppContext } from '../../../context';
import { unixSeconds } from '../../../core/clock';
import { passwordHasher } from '../../../platform/identity/passwords';
import { USER_STATUS, userDirectory } from '../../../platform/identity/users';
import { PUSH_SCOPE, PUSH_STATUS } from '../services/pushSender';

/** The demo appid of the product (created by the platform's demo step) and the demo logins (README). */
export const DEMO_APPID = 'demo_account';
export const DEMO_ACCOUNT = { phone: '13600136000', email: 'demo@example.com', password: 'demo1234' } as const;
const MANAGER_ID = 1;

/** As catalog-account.md "Demo seed": `message.count` with `push_ids: []` answers non-zero counts for the demo user. */
export async function seed(app: AppContext): Promise<void> {
  const now = unixSeconds(app.clock);
  const hash = await app.use(passwordHasher).hash(DEMO_ACCOUNT.password);
  const users = app.use(userDirectory);
  const add = async (identity: { mobile?: string; email?: string }, nickname: string, status: number = USER_STATUS.ACTIVE) => {
    const user = await users.create({ ...identity, username: identity.mobile ?? identity.email, password_hash: hash, nickname, status, platform: 2 });
    await app.db('account_members').insert({ user_id: user.id, app_id: DEMO_APPID, c_time: now });
    return user.id;
  };
  const demoId = await add({ mobile: DEMO_ACCOUNT.phone }, '演示用户');
  await add({ email: DEMO_ACCOUNT.email }, '邮箱用户');
  await add({ mobile: '13600136001' }, '小李');
  await add({ email: 'reader@example.com' }, '读者');
  await add({ mobile: '13600136002' }, '已停用', USER_STATUS.DISABLED);

  const stamp = (minutesAgo: number) => ({ c_time: now - minutesAgo * 60, u_time: now - minutesAgo * 60 });
  await app.db('account_push_clients').insert([
    { app_id: DEMO_APPID, user_id: demoId, session_id: '', client_id: 'demo-android-0001', client_type: 'android', switch: 1, ...stamp(60) },
    { app_id: DEMO_APPID, user_id: demoId, session_id: '', client_id: 'demo-ios-0001', client_type: 'ios', switch: 0, ...stamp(50) },
  ]);

  const faq = (app_id: string, title: string, content: string, category: string, sort: number) => ({ app_id, title, content, category, external_link: '', sort, ...stamp(100 - sort), c_by: MANAGER_ID, u_by: MANAGER_ID });
  await app.db('account_faqs').insert([
    faq('', '如何联系客服？', '在“意见反馈”中留言，工作人员会尽快回复。', '通用', 0),
    faq(DEMO_APPID, '如何注册账号？', '输入手机号或邮箱，获取验证码后设置密码即可。', '账号', 1),
    faq(DEMO_APPID, '收不到验证码怎么办？', '请确认号码或邮箱正确，60 秒后可重新获取。', '账号', 2),
    faq(DEMO_APPID, '忘记密码怎么办？', '请联系客服重置密码。', '账号', 3),
    faq(DEMO_APPID, '如何修改头像和昵称？', '在“个人信息”页面修改。', '资料', 4),
    faq(DEMO_APPID, '如何关闭推送？', '在“设置-推送”中关闭开关，该设备将不再收到推送。', '推送', 5),
    faq(DEMO_APPID, '退出登录后还会收到推送吗？', '不会，退出登录会解除本次登录绑定的设备。', '推送', 6),
    faq(DEMO_APPID, '如何删除推送记录？', '在推送记录中删除，只影响您自己的记录。', '推送', 7),
  ]);

  const category = (name: string, description: string) => ({ app_id: DEMO_APPID, name, description, ...stamp(90), c_by: MANAGER_ID, u_by: MANAGER_ID });
  await app.db('account_feedback_categories').insert([category('功能建议', '希望增加的功能'), category('问题反馈', '使用中遇到的问题'), category('其他', '其他意见')]);
  const categoryIds: number[] = (await app.db('account_feedback_categories').where({ app_id: DEMO_APPID }).orderBy('id').select('id')).map((r: { id: number }) => Number(r.id));

  const contents = ['希望支持夜间模式', '验证码有时收不到', '头像上传后显示不出来', '推送太多了', '界面很好用', '希望增加指纹登录'];
  for (const [i, content] of contents.entries()) {
    await app.db('account_feedbacks').insert({
      app_id: DEMO_APPID,
      user_id: demoId,
      feedback_content: content,
      feedback_status: i < 3 ? 1 : 0,
      feedback_category_id: categoryIds[i % categoryIds.length],
      contact_phone: DEMO_ACCOUNT.phone,
      deleted_at: 0,
      ...stamp(80 - i),
    });
  }
  const feedbackIds: number[] = (await app.db('account_feedbacks').where({ user_id: demoId }).orderBy('id').select('id')).map((r: { id: number }) => Number(r.id));
  await app.db('account_feedback_replies').insert(
    feedbackIds.slice(0, 3).map((feedback_id, i) => ({
      app_id: DEMO_APPID,
      feedback_id,
      manager_id: MANAGER_ID,
      reply_content: ['已加入计划，感谢建议！', '请检查短信拦截设置，或改用邮箱获取。', '已修复，请更新到最新版本。'][i],
      is_read: i === 2 ? 0 : 1,
      ...stamp(30 - i),
    })),
  );

  const log = (push_title: string, push_body: string, push_scope: number, push_status: number, minutesAgo: number) => ({
    app_id: DEMO_APPID,
    push_title,
    push_body,
    push_scope,
    manager_id: MANAGER_ID,
    push_status,
    sent_count: push_status === PUSH_STATUS.SENT ? 1 : 0,
    failed_count: 0,
    ...stamp(minutesAgo),
  });
  await app.db('account_push_logs').insert([
    log('欢迎使用', '感谢您注册账号服务。', PUSH_SCOPE.ALL, PUSH_STATUS.SENT, 70),
    log('系统维护通知', '本周六凌晨 2:00-4:00 系统维护。', PUSH_SCOPE.ALL, PUSH_STATUS.SENT, 60),
    log('新功能上线', '现在可以用邮箱注册了。', PUSH_SCOPE.ALL, PUSH_STATUS.SENT, 50),
    log('安全提醒', '请勿向他人泄露验证码。', PUSH_SCOPE.ALL, PUSH_STATUS.SENT, 40),
    log('您的反馈有回复', '您反馈的问题已处理。', PUSH_SCOPE.LISTED, PUSH_STATUS.SENT, 20),
    log('活动预告', '下周将有新活动，敬请期待。', PUSH_SCOPE.ALL, PUSH_STATUS.PENDING, 5),
  ]);
  const logIds: number[] = (await app.db('account_push_logs').where({ app_id: DEMO_APPID }).orderBy('id').select('id')).map((r: { id: number }) => Number(r.id));
  await app.db('account_push_log_targets').insert({ push_log_id: logIds[4], user_id: demoId });
  await app.db('account_push_log_hidden').insert({ push_log_id: logIds[0], user_id: demoId });
}

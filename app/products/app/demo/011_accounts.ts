import crypto from 'node:crypto';
import type { AppContext } from '../../../context';
import { unixSeconds } from '../../../core/clock';
import { maskedMobile } from '../../../platform/identity/accounts';
import { passwordHasher } from '../../../platform/identity/passwords';
import { insertId, type Knex } from '../../../storage/db';

/** [districtid, parentid, name, region_type]: ids are stable (GB/T 2260 style), tests and demo data refer to them. */
export const DISTRICTS: ReadonlyArray<readonly [number, number, string, 1 | 2 | 3 | 4]> = [
  [440000, 0, '广东省', 1],
  [440300, 440000, '深圳市', 2],
  [440305, 440300, '南山区', 3],
  [440305001, 440305, '粤海街道', 4],
  [440305002, 440305, '南头街道', 4],
  [440304, 440300, '福田区', 3],
  [440304001, 440304, '华富街道', 4],
  [440100, 440000, '广州市', 2],
  [440106, 440100, '天河区', 3],
  [440106001, 440106, '石牌街道', 4],
  [110000, 0, '北京市', 1],
  [110100, 110000, '北京市', 2],
  [110105, 110100, '朝阳区', 3],
  [110105001, 110105, '建外街道', 4],
  [110105002, 110105, '三里屯街道', 4],
  [110108, 110100, '海淀区', 3],
  [110108001, 110108, '中关村街道', 4],
  [310000, 0, '上海市', 1],
  [310100, 310000, '上海市', 2],
  [310115, 310100, '浦东新区', 3],
  [310115001, 310115, '陆家嘴街道', 4],
  [310104, 310100, '徐汇区', 3],
  [310104001, 310104, '徐家汇街道', 4],
];

/** Well-known ids of the tree above. */
export const DISTRICT = {
  GUANGDONG: 440000,
  SHENZHEN: 440300,
  NANSHAN: 440305,
  YUEHAI: 440305001,
  BEIJING: 110000,
  CHAOYANG: 110105,
  JIANWAI: 110105001,
  SHANGHAI: 310000,
  LUJIAZUI: 310115001,
} as const;

/** The district tree; adds the missing rows only, so it is safe to run twice. */
export async function seedDistricts(db: Knex): Promise<void> {
  const existing = new Set((await db('districts').select('districtid')).map((r: { districtid: number }) => r.districtid));
  const rows = DISTRICTS.filter(([id]) => !existing.has(id)).map(([districtid, parentid, name, region_type]) => ({
    districtid,
    parentid,
    name,
    region_type,
    status: 1,
  }));
  if (rows.length) await db('districts').insert(rows);
}

export const DEMO_USER = { mobile: '13800138000', password: 'demo1234' } as const;

export async function seed(app: AppContext): Promise<void> {
  await seedDistricts(app.db);
  const now = unixSeconds(app.clock);
  const hasher = app.use(passwordHasher);
  const addUser = async (mobile: string, password: string, status: number): Promise<number> =>
    insertId(
      app.db('users').insert({
        open_id: crypto.randomBytes(16).toString('hex'),
        mobile,
        password_hash: await hasher.hash(password),
        nickname: maskedMobile(mobile),
        platform: 1,
        status,
        c_time: now,
        u_time: now,
      }),
    );
  const demoId = await addUser(DEMO_USER.mobile, DEMO_USER.password, 1);
  await addUser('13800138001', DEMO_USER.password, 1);
  await addUser('13800138002', DEMO_USER.password, 0); // disabled: login answers 503
  await app.db('user_addresses').insert([
    { user_id: demoId, realname: '张三', mobile: DEMO_USER.mobile, districtid: DISTRICT.YUEHAI, address: '科技园南区深南大道10000号', is_default: 1, status: 1, c_time: now, u_time: now },
    { user_id: demoId, realname: '李四', mobile: '13900139000', districtid: DISTRICT.JIANWAI, address: '建国门外大街1号', is_default: 0, status: 1, c_time: now, u_time: now },
  ]);
}

import type { AppContext } from '../../../context';
import { unixSeconds } from '../../../core/clock';
import { demoPicture } from '../../../platform/demo';
import { OwnerType, uploadService, type FileOwner } from '../../../platform/files/uploads';
import { passwordHasher } from '../../../platform/identity/passwords';
import { GENDER, userDirectory } from '../../../platform/identity/users';
import { walletService } from '../../../platform/wallet/wallet';
import { showBanners, type BannerPosition } from '../services/banners';
import { showMerchants } from '../services/merchants';
import { CATEGORY, showPeople } from '../services/people';

/** The twelve show demo people (SHOW.md): 13900139000..13900139011, area 86; the first is THE demo user. */
export const SHOW_DEMO_PHONES = Array.from({ length: 12 }, (_, i) => `13900139${String(i).padStart(3, '0')}`);
/** The documented demo login (README "show"): 1000.00 in the wallet. */
export const SHOW_DEMO_USER = { country: '86', phone: SHOW_DEMO_PHONES[0], password: 'demo1234', nickname: '秀秀' } as const;
export const SHOW_DEMO_BALANCE_CENTS = 100_000;

const NICKNAMES = ['秀秀', '穿搭达人阿May', '潮流教主Leo', '森系小铺', '街头潮牌店', '复古衣橱', '小鹿', '阿杰', '糖糖', '北北', '木子', '路人甲'];
const INTROS = ['爱穿搭，爱生活', '每天一套通勤穿搭', '街头风格十年玩家', '原创森系设计', '潮牌集合店', '中古与复古', '', '', '学生党', '', '', ''];
const MASTERS = [1, 2];
const MERCHANTS: Array<[index: number, name: string, intro: string, address: string]> = [
  [3, '森系小铺', '原创森系女装，棉麻为主', '杭州市西湖区文三路 100 号'],
  [4, '街头潮牌店', '街头潮牌集合店', '上海市静安区南京西路 200 号'],
  [5, '复古衣橱', '中古与复古单品', '北京市朝阳区三里屯路 19 号'],
];
/** Who follows whom (indexes into the people): the demo user follows 4 and has 5 followers. */
const FOLLOWS: Array<[from: number, to: number]> = [
  [0, 1], [0, 2], [0, 3], [0, 6],
  [1, 0], [4, 0], [7, 0], [8, 0], [9, 0],
  [6, 1], [7, 1], [8, 1], [2, 1], [1, 2], [9, 2], [10, 2], [6, 3], [7, 4], [8, 5], [10, 6], [11, 7],
];
/** Blocker → blocked; no follow stands between either pair. */
const BLOCKS: Array<[from: number, to: number]> = [
  [0, 11],
  [10, 9],
];
/** The demo user's five conversations, 8 messages each (40), alternating who writes. */
const CONVERSATIONS = [1, 2, 3, 6, 7];
const LINES = [
  '你好呀，看到你的穿搭分享了',
  '谢谢！最近在试新风格',
  '那件风衣是哪家的？',
  '是森系小铺的，质感很好',
  '周末一起去看展吗？',
  '好啊，几点见？',
  '下午两点，美术馆门口',
  '不见不散～',
];
const BANNERS: Array<[position: BannerPosition, url: string]> = [
  ['home', 'https://show.example.com/activity/spring'],
  ['home', 'https://show.example.com/activity/masters'],
  ['home', 'https://show.example.com/activity/merchants'],
  ['home', ''],
  ['ticket', 'https://show.example.com/tickets/fashion-week'],
  ['ticket', 'https://show.example.com/tickets/live'],
  ['ticket', ''],
];

/**
 * The show people (catalogue "Demo seed"): twelve users with avatars, two masters, three merchants with
 * shop cards, the follow graph, two blocks, five conversations of the demo user and the page banners.
 * The later show modules find these people by phone (SHOW_DEMO_PHONES).
 */
export async function seed(app: AppContext): Promise<void> {
  const now = unixSeconds(app.clock);
  const day = 24 * 3600;
  const files = app.use(uploadService);
  const people = app.use(showPeople);
  const passwordHash = await app.use(passwordHasher).hash(SHOW_DEMO_USER.password);
  let picture = 0;
  const store = async (owner: FileOwner, category: 'avatar' | 'merchant' | 'banner') =>
    (await files.storeBase64(demoPicture(++picture), owner, { category, name: `show_demo_${category}_${picture}` })).image_url;

  const ids: number[] = [];
  for (const [i, phone] of SHOW_DEMO_PHONES.entries()) {
    const user = await app.use(userDirectory).create({
      area_code: SHOW_DEMO_USER.country,
      mobile: phone,
      password_hash: passwordHash,
      nickname: NICKNAMES[i],
      intro: INTROS[i],
      gender: i % 3 === 0 ? GENDER.FEMALE : i % 3 === 1 ? GENDER.MALE : GENDER.SECRET,
      platform: 1,
      c_time: now - (60 - i) * day,
    });
    await app.use(userDirectory).updateProfile(user.id, { headimg: await store({ type: OwnerType.USER, id: user.id }, 'avatar') });
    await people.enrol(user.id);
    ids.push(user.id);
  }
  for (const i of MASTERS) await people.setCategory(ids[i], CATEGORY.MASTER);
  for (const [i, name, intro, address] of MERCHANTS) {
    await app.use(showMerchants).set(ids[i], { name, intro, address, logo: await store({ type: OwnerType.USER, id: ids[i] }, 'merchant') }, 0);
  }
  await app.use(walletService).credit({ userId: ids[0], cents: SHOW_DEMO_BALANCE_CENTS, reason: '演示充值' });

  // Relations and messages carry their own times (spread over the past days), so the lists have an order.
  await app.db('show_follows').insert(FOLLOWS.map(([from, to], k) => ({ user_id: ids[from], to_user_id: ids[to], c_time: now - (FOLLOWS.length - k) * 3600 })));
  await app.db('show_blocks').insert(BLOCKS.map(([from, to], k) => ({ user_id: ids[from], to_user_id: ids[to], c_time: now - (k + 1) * day })));
  const messages = CONVERSATIONS.flatMap((other, c) =>
    LINES.map((content, k) => {
      const demoWrites = (k + c) % 2 === 1;
      return {
        from_user_id: demoWrites ? ids[0] : ids[other],
        to_user_id: demoWrites ? ids[other] : ids[0],
        content,
        c_time: now - (CONVERSATIONS.length - c) * day + k * 600,
      };
    }),
  );
  messages.sort((a, b) => a.c_time - b.c_time);
  for (const message of messages) await app.db('show_messages').insert(message);

  const banners = app.use(showBanners);
  for (const [k, [position, url]] of BANNERS.entries()) {
    await banners.add({ position, url, sort: k, image: await store({ type: OwnerType.ADMIN, id: 0 }, 'banner') }, 0);
  }
}

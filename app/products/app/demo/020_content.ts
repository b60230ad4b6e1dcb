import type { AppContext } from '../../../context';
import { unixSeconds } from '../../../core/clock';
import { userDirectory } from '../../../platform/identity/users';
import { POSITION } from '../services/content/ads';
import { CAT_TYPE, categoryService } from '../services/content/categories';
import { configService, INIT_CONFIG } from '../services/content/configs';
import { BROADCAST, MSG_TYPE } from '../services/content/messages';
import { NOTICE_STATUS } from '../services/content/notices';
import { APP_PLATFORMS, UPGRADE_WAY } from '../services/content/upgrades';
import { insertId, transaction, type Knex } from '../../../storage/db';

/** The demo account of the accounts seed; its messages are only written when it exists. */
const DEMO_MOBILE = '13800138000';
const DAY = 24 * 3600;
const HOME_URL = 'https://github.com/fingerQin';

/** What the content seed created, so tests can point at rows without hard-coding ids. */
export interface SeededContent {
  positions: { start: number; home: number };
  ads: { start: number; homeLive: number[]; homeExpired: number };
  newsCategories: Record<string, number>;
  linkCategories: Record<string, number>;
  news: number[];
  notices: { dialog: number; shown: number; hidden: number };
  messages: { toUser: number[]; read: number; broadcast: number } | null;
}

type Tree = Array<{ name: string; children?: string[] }>;

const NEWS_TREE: Tree = [
  { name: '理财资讯', children: ['基金', '股票'] },
  { name: '体育新闻', children: ['足球', '篮球'] },
];
const LINK_TREE: Tree = [{ name: '搜索引擎' }, { name: '开源社区' }];

const NEWS: Array<[category: string, title: string, source: string]> = [
  ['基金', '为什么对老鼠的研究并不总能在人类身上重现', '中国科学院'],
  ['基金', '指数基金定投的三个误区', '财经日报'],
  ['股票', 'A 股三大指数集体收涨', '财经日报'],
  ['股票', '科创板迎来新一批上市公司', '证券时报'],
  ['足球', '中超联赛第 20 轮综述', '体育周刊'],
  ['足球', '欧冠小组赛抽签结果出炉', '体育周刊'],
  ['篮球', '全国“秋老虎”出没地图出炉！今年的秋老虎咬人吗？', '腾讯新闻'],
  ['理财资讯', '警方通报检察长妻子岳母殴打公交司机：两打人者被拘留', '腾讯新闻'],
];

const audit = (now: number) => ({ c_time: now, u_time: now, c_by: 0, u_by: 0 });

async function seedTree(app: AppContext, trx: Knex.Transaction, catType: number, tree: Tree, now: number): Promise<Record<string, number>> {
  const ids: Record<string, number> = {};
  const add = async (name: string, parentid: number, listorder: number): Promise<number> => {
    const code = await app.use(categoryService).allocateCode(trx, parentid);
    const id = await insertId(
      trx('categories').insert({ cat_name: name, cat_type: catType, parentid, ...code, display: 1, status: 1, listorder, ...audit(now) }),
    );
    ids[name] = id;
    return id;
  };
  for (const [i, root] of tree.entries()) {
    const rootId = await add(root.name, 0, i);
    for (const [j, child] of (root.children ?? []).entries()) await add(child, rootId, j);
  }
  return ids;
}

async function seedAds(trx: Knex.Transaction, now: number): Promise<Pick<SeededContent, 'positions' | 'ads'>> {
  const position = (pos_name: string, pos_code: string, pos_ad_count: number) =>
    insertId(trx('ad_positions').insert({ pos_name, pos_code, pos_ad_count, status: 1, ...audit(now) }));
  const start = await position('APP 启动页广告', POSITION.START, 1);
  const home = await position('APP 首页轮播', POSITION.HOME, 5);
  const ad = (pos_id: number, ad_name: string, listorder: number, window: [number, number]) =>
    insertId(
      trx('ads').insert({
        pos_id,
        ad_name,
        ad_image_url: `${HOME_URL}/images/ad-${pos_id}-${listorder}.png`,
        ad_url: HOME_URL,
        start_time: window[0],
        end_time: window[1],
        display: 1,
        status: 1,
        listorder,
        terminal: 0,
        type_flag: 3,
        ...audit(now),
      }),
    );
  const live: [number, number] = [now - DAY, now + 365 * DAY];
  const startAd = await ad(start, 'APP 启动页广告', 0, live);
  const homeLive = [await ad(home, '世界杯广告', 1, live), await ad(home, '端午节活动', 2, live), await ad(home, '积分商城上新', 3, live)];
  const homeExpired = await ad(home, '春节活动（已结束）', 0, [now - 60 * DAY, now - 30 * DAY]);
  return { positions: { start, home }, ads: { start: startAd, homeLive, homeExpired } };
}

async function seedUpgrades(trx: Knex.Transaction, now: number): Promise<void> {
  // Per platform: 1.0.1 is current, 1.0.0 is advised to move, 0.9.0 forced, 0.8.0 closed.
  const rules: Array<[version: string, way: number, repeat: number]> = [
    ['1.0.1', UPGRADE_WAY.NONE, 0],
    ['1.0.0', UPGRADE_WAY.ADVISE, 0],
    ['0.9.0', UPGRADE_WAY.FORCE, 1],
    ['0.8.0', UPGRADE_WAY.CLOSED, 0],
  ];
  for (const platform of [APP_PLATFORMS.IOS, APP_PLATFORMS.ANDROID]) {
    for (const [app_v, upgrade_way, dialog_repeat] of rules) {
      await trx('app_upgrades').insert({
        app_type: platform,
        app_v,
        app_title: `${app_v} 新版上线`,
        app_desc: '端午节新版闹龙舟',
        url: platform === APP_PLATFORMS.ANDROID ? `${HOME_URL}/app-${app_v}.apk` : '',
        upgrade_way,
        dialog_repeat,
        channel: '',
        status: 1,
        ...audit(now),
      });
    }
  }
}

async function seedNotices(trx: Knex.Transaction, now: number): Promise<SeededContent['notices']> {
  const notice = (title: string, summary: string, extra: Record<string, number>) =>
    insertId(trx('notices').insert({ title, summary, body: `<p>${summary}</p>`, terminal: 0, is_dialog: 0, cur_status: NOTICE_STATUS.SHOWN, ...audit(now), ...extra }));
  const shown = await notice('五一放假安排', '尊敬的各位用户，大家好。关于 5.1 节，平台放假时间如下。', {});
  const hidden = await notice('系统维护通知（草稿）', '平台将于周日凌晨维护。', { cur_status: NOTICE_STATUS.HIDDEN });
  const dialog = await notice('恭喜您被选中为2019年锦鲤', '恭喜您被选中为2019年锦鲤', { is_dialog: 1, dialog_end_time: now + 30 * DAY });
  return { dialog, shown, hidden };
}

async function seedMessages(app: AppContext, trx: Knex.Transaction, now: number): Promise<SeededContent['messages']> {
  const user = await app.use(userDirectory).find({ mobile: DEMO_MOBILE }, trx);
  if (!user) return null;
  const message = (user_id: number, msg_type: number, title: string, content: string) =>
    insertId(trx('messages').insert({ user_id, msg_type, type_ref_id: 0, title, content, url: HOME_URL, status: 1, ...audit(now) }));
  const toUser = [
    await message(user.id, MSG_TYPE.WELFARE, '五一劳动节福利', '五一劳动节福利内容'),
    await message(user.id, MSG_TYPE.SYSTEM, '欢迎加入', '感谢您注册，祝您使用愉快~'),
    await message(user.id, MSG_TYPE.SYSTEM, '订单已发货', '您的积分商城订单已发货，请注意查收。'),
    await message(user.id, MSG_TYPE.SYSTEM, '恭喜您被选中为2019年锦鲤', '恭喜您被选中2019年锦鲤，我们会在3个工作日内与您联系~'),
  ];
  await trx('message_reads').insert({ user_id: user.id, msgid: toUser[0], c_time: now });
  const broadcast = await message(BROADCAST, MSG_TYPE.SYSTEM, '平台公告', '积分商城全新改版，欢迎体验。');
  return { toUser, read: toUser[0], broadcast };
}

/** The demo content of catalog-app "Demo seed", in one transaction; reusable by tests on a fresh database. */
export async function seedContent(app: AppContext): Promise<SeededContent> {
  const now = unixSeconds(app.clock);
  const configs = app.use(configService);
  await configs.set(INIT_CONFIG.HOME_RIGHT_BTN_URL, HOME_URL, { title: 'APP 首页导航右侧按钮 URL' });
  await configs.set(INIT_CONFIG.SERVICE, `服务中心:::${HOME_URL}`, { title: '服务中心按钮' });
  await configs.set(INIT_CONFIG.ABOUT, `关于我们:::${HOME_URL}`, { title: '关于我们按钮' });
  await configs.set(INIT_CONFIG.FEEDBACK, `意见反馈:::${HOME_URL}`, { title: '意见反馈按钮' });
  return transaction(app.db, async (trx) => {
    const ads = await seedAds(trx, now);
    const newsCategories = await seedTree(app, trx, CAT_TYPE.NEWS, NEWS_TREE, now);
    const linkCategories = await seedTree(app, trx, CAT_TYPE.LINK, LINK_TREE, now);
    const links: Array<[string, string, string]> = [
      ['搜索引擎', 'Google', 'https://www.google.com'],
      ['搜索引擎', 'Bing', 'https://www.bing.com'],
      ['搜索引擎', '百度', 'https://www.baidu.com'],
      ['开源社区', 'GitHub', 'https://github.com'],
      ['开源社区', 'Gitee', 'https://gitee.com'],
    ];
    for (const [i, [category, link_name, link_url]] of links.entries()) {
      await trx('links').insert({ cat_id: linkCategories[category], link_name, link_url, image_url: '', display: 1, status: 1, listorder: i, ...audit(now) });
    }
    const news: number[] = [];
    for (const [i, [category, title, source]] of NEWS.entries()) {
      const published = now - (NEWS.length - i) * 3600;
      const id = await insertId(
        trx('news').insert({ cat_id: newsCategories[category], title, intro: title, image_url: '', source, display: 1, status: 1, listorder: 0, hits: 0, ...audit(published) }),
      );
      await trx('news_data').insert({ news_id: id, content: `<p>\r\n\t${title}</p>` });
      news.push(id);
    }
    await seedUpgrades(trx, now);
    const notices = await seedNotices(trx, now);
    const messages = await seedMessages(app, trx, now);
    return { ...ads, newsCategories, linkCategories, news, notices, messages };
  });
}

export async function seed(app: AppContext): Promise<void> {
  await seedContent(app);
}

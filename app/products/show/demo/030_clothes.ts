import type { AppContext } from '../../../context';
import { unixSeconds } from '../../../core/clock';
import { demoPicture, demoRandom } from '../../../platform/demo';
import { OwnerType, uploadService } from '../../../platform/files/uploads';
import { userDirectory } from '../../../platform/identity/users';
import { insertId, transaction } from '../../../storage/db';
import { showClothRecommender } from '../services/clothRecommend';
import { clothTags, CLOTH_STATUS, type ClothKind } from '../services/clothes';
import { SHOW_DEMO_PHONES } from './010_people';

/** People are named by their index in 010_people's SHOW_DEMO_PHONES: 0 is the demo user, 3–5 the merchants. */
const DEMO_USER = 0;

type Piece = [name: string, intro: string, yuan: number];

/**
 * Three style clusters, each a merchant's shop and a group of fans. The 通勤 fans are the most numerous,
 * so plain popularity is 通勤 throughout; the demo user likes 国风, so item CF and tags recommend 国风.
 */
const CLUSTERS: Array<{ merchant: number; fans: number[]; design: Piece[]; merchantClothes: Piece[] }> = [
  {
    merchant: 5,
    fans: [DEMO_USER, 1, 6],
    design: [
      ['新中式盘扣马面裙', '国风织金 手工盘扣', 699], ['改良汉服交领上衣', '刺绣 棉麻 国风', 459], ['宋制褙子套装', '汉服 飘逸 雪纺', 529],
      ['国风刺绣斗篷', '汉服 冬季 保暖', 799], ['水墨印花旗袍', '新中式 真丝 国风', 899], ['明制立领长衫', '汉服 织金 端庄', 659],
      ['国风竹纹茶服', '棉麻 禅意 新中式', 389],
    ],
    merchantClothes: [
      ['织金马面裙', '国风 新中式 日常', 368], ['刺绣汉服披风', '国风 汉服 秋冬', 429], ['新中式盘扣衬衫', '国风 棉麻 通勤', 239],
      ['改良旗袍连衣裙', '国风 真丝 复古', 499], ['汉服褙子外搭', '宋制 雪纺 汉服', 199], ['国风刺绣团扇', '汉服 配饰 国风', 89],
      ['新中式盘扣马甲', '国风 织金 保暖', 259], ['水墨印花长裙', '国风 雪纺 飘逸', 329], ['明制马面裙套装', '汉服 织金 国风', 588],
      ['国风流苏发簪', '汉服 配饰 古风', 59],
    ],
  },
  {
    merchant: 4,
    fans: [2, 3, 7, 8, 9, 10],
    design: [
      ['极简通勤西装外套', '羊毛混纺 利落剪裁', 899], ['法式真丝衬衫', '极简 通勤 职场', 569], ['高腰阔腿西裤', '通勤 垂感 显瘦', 399],
      ['极简羊绒大衣', '通勤 双面呢 简约', 1999], ['针织开衫套装', '极简 通勤 温柔', 459], ['廓形风衣', '通勤 经典 卡其', 1299],
      ['简约小黑裙', '极简 法式 优雅', 699],
    ],
    merchantClothes: [
      ['通勤西装套装', '极简 职场 利落', 799], ['真丝缎面衬衫', '通勤 法式 垂感', 399], ['羊绒针织衫', '极简 柔软 通勤', 599],
      ['高腰直筒西裤', '通勤 显瘦 职场', 299], ['双面羊绒大衣', '极简 保暖 通勤', 1599], ['法式中长风衣', '通勤 经典 优雅', 899],
      ['极简纯色T恤', '基础款 百搭 通勤', 99], ['垂感阔腿裤', '通勤 极简 显瘦', 259], ['简约衬衫连衣裙', '法式 通勤 优雅', 459],
      ['羊毛半身裙', '极简 职场 秋冬', 329],
    ],
  },
  {
    merchant: 3,
    fans: [4, 5, 11],
    design: [
      ['街头嘻哈连帽卫衣', 'oversize 潮牌', 399], ['机能工装马甲', '街头 多口袋 机能', 459], ['涂鸦印花夹克', '街头 潮牌 个性', 599],
      ['解构拼接牛仔外套', '街头 做旧 潮流', 699], ['反光机能冲锋衣', '街头 防风 户外', 899], ['宽松工装束脚裤', '街头 机能 多口袋', 359],
    ],
    merchantClothes: [
      ['oversize连帽卫衣', '街头 潮牌 宽松', 259], ['工装束脚裤', '街头 机能 多口袋', 199], ['涂鸦印花T恤', '潮牌 街头 纯棉', 129],
      ['机能冲锋衣', '街头 防风 户外', 599], ['做旧牛仔夹克', '街头 潮流 复古', 399], ['嘻哈宽松短裤', '街头 潮牌 夏季', 149],
      ['棒球服外套', '街头 潮流 刺绣', 359], ['工装多口袋马甲', '机能 街头 户外', 229], ['潮牌老爹鞋', '街头 增高 百搭', 459],
      ['字母印花卫衣', '潮牌 街头 宽松', 239],
    ],
  },
];

/** Chances that a fan likes a cloth of their own cluster, and one of another. */
const OWN_TASTE = 0.8;
const STRAY = 0.1;
/** Of their own cluster's merchant clothes the demo user has liked only this many: the rest are to recommend. */
const DEMO_MERCHANT_LIKES = 3;

/**
 * The show clothes demo (catalog-show.md "Demo seed"): 20 design-circle and 30 merchant clothes in three
 * style clusters, ~200 likes by the demo people, then the similarity job once, so that the demo user's
 * recommend.merchant.cloth.list is 国风 while the most liked clothes are 通勤. The people come from
 * 010_people, found by phone; without them this writes nothing.
 */
export async function seed(app: AppContext): Promise<void> {
  const users = app.use(userDirectory);
  const people = new Map<number, number>();
  for (const [n, phone] of SHOW_DEMO_PHONES.entries()) {
    const user = await users.byMobile(phone);
    if (user) people.set(n, user.id);
  }
  const merchantsPresent = (await app.db('show_merchants').whereIn('user_id', CLUSTERS.map((c) => people.get(c.merchant) ?? 0)).count({ n: '*' }))[0];
  if (!people.has(DEMO_USER) || Number(merchantsPresent.n) !== CLUSTERS.length) {
    app.logger.warn('show clothes demo skipped: the demo people of 010_people are not there');
    return;
  }

  const random = demoRandom(30_030);
  const now = unixSeconds(app.clock);
  const day = 24 * 3600;
  const files = app.use(uploadService);
  let picture = 0;
  const image = async () => (await files.storeBase64(demoPicture(300 + ++picture), { type: OwnerType.ADMIN, id: 0 }, { category: 'cloth', name: `demo_cloth_${picture}` })).image_url;

  // Oldest first, so that ids and times grow together and the newest-first lists look like a catalogue.
  const pieces: Array<{ kind: ClothKind; cluster: number; merchantUserId: number; piece: Piece }> = [];
  for (const kind of ['design', 'merchant'] as const) {
    CLUSTERS.forEach((cluster, c) => {
      for (const piece of kind === 'design' ? cluster.design : cluster.merchantClothes) pieces.push({ kind, cluster: c, merchantUserId: kind === 'merchant' ? people.get(cluster.merchant)! : 0, piece });
    });
  }
  const rows: Array<Record<string, unknown>> = [];
  for (const [i, p] of pieces.entries()) {
    const [name, intro, yuan] = p.piece;
    const cTime = now - (pieces.length - i) * 12 * 3600;
    rows.push({
      kind: p.kind,
      merchant_user_id: p.merchantUserId,
      name,
      image: await image(),
      intro,
      price: yuan * 100,
      tags: JSON.stringify(clothTags(name, intro)),
      status: CLOTH_STATUS.ON,
      like_count: 0,
      c_time: cTime,
      u_time: cTime,
    });
  }

  await transaction(app.db, async (trx) => {
    const ids: number[] = [];
    for (const row of rows) ids.push(await insertId(trx('show_clothes').insert(row)));
    const likes: Array<{ cloth_id: number; user_id: number; c_time: number }> = [];
    const counts = new Map<number, number>();
    let demoMerchantLikes = 0;
    for (const [n, userId] of people) {
      const own = CLUSTERS.findIndex((c) => c.fans.includes(n));
      for (const [i, p] of pieces.entries()) {
        let liked = random() < (p.cluster === own ? OWN_TASTE : STRAY);
        if (n === DEMO_USER && p.kind === 'merchant') liked = p.cluster === own && demoMerchantLikes++ < DEMO_MERCHANT_LIKES;
        if (n === DEMO_USER && p.kind === 'design' && p.cluster === own) liked = true;
        if (!liked) continue;
        likes.push({ cloth_id: ids[i], user_id: userId, c_time: now - Math.floor(random() * 20 * day) });
        counts.set(ids[i], (counts.get(ids[i]) ?? 0) + 1);
      }
    }
    for (let k = 0; k < likes.length; k += 200) await trx('show_cloth_likes').insert(likes.slice(k, k + 200));
    for (const [id, count] of counts) await trx('show_clothes').where({ id }).update({ like_count: count });
  });
  await app.use(showClothRecommender).rebuildSimilarity();
}

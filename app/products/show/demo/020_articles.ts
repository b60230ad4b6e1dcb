import type { AppContext } from '../../../context';
import { unixSeconds } from '../../../core/clock';
import { demoPicture, demoRandom } from '../../../platform/demo';
import { OwnerType, uploadService } from '../../../platform/files/uploads';
import { userDirectory } from '../../../platform/identity/users';
import { insertId } from '../../../storage/db';
import { REACTIONS } from '../services/articleReactions';
import { SHOW_DEMO_PHONES } from './010_people';


export const DEMO_ARTICLES = { articles: 30, likes: 150, collects: 60, comments: 80 } as const;

const NOTES = [
  '今日穿搭：米色风衣配白色球鞋，通勤也能很松弛。',
  '周末去看展，黑色针织衫加阔腿裤，简单又有质感。',
  '试了一下复古格纹西装，搭配乐福鞋意外地好看。',
  '夏天的亚麻衬衫真的太舒服了，推荐给怕热的朋友。',
  '第一次尝试撞色，蓝配橙，朋友说像一幅画。',
  '演唱会穿搭分享：闪片上衣加牛仔短裙，拍照超出片。',
  '极简风的一周：五件单品，七天不重样。',
  '雨天也要美美的：透明雨衣配马丁靴。',
  '国风小裙子，去古镇拍了一组照片。',
  '运动风混搭：卫衣、百褶裙和老爹鞋。',
];

const REMARKS = ['好看！', '求链接', '这个配色绝了', '学到了', '鞋子是哪家的？', '太有氛围感了', '已收藏，下周照着穿', '拍得真好'];

/**
 * 30 articles with 1–9 pictures by the twelve demo people (each at least two, the demo user three), and
 * ~150 likes, 60 collects and 80 comments among them; nobody comments on the article of someone who
 * blocks them. Needs the people of 010_people: without the demo user it writes nothing.
 */
export async function seed(app: AppContext): Promise<void> {
  const users = app.use(userDirectory);
  const people: number[] = [];
  for (const phone of SHOW_DEMO_PHONES) {
    const user = await users.byMobile(phone);
    if (user) people.push(user.id);
  }
  if (people.length < 2 || !(await users.byMobile(SHOW_DEMO_PHONES[0]))) {
    app.logger.warn('show demo articles skipped: the demo people (010_people) are absent');
    return;
  }
  const random = demoRandom(20);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
  const now = unixSeconds(app.clock);
  const files = app.use(uploadService);
  const db = app.db;

  const articles: Array<{ id: number; author: number; at: number }> = [];
  let picture = 0;
  for (let i = 0; i < DEMO_ARTICLES.articles; i++) {
    const author = people[i % people.length];
    const images: string[] = [];
    for (let p = 0; p < 1 + ((i * 4) % 9); p++) {
      images.push((await files.storeBase64(demoPicture(++picture), { type: OwnerType.USER, id: author }, { category: 'article' })).image_url);
    }
    const at = now - (DEMO_ARTICLES.articles - i) * 20 * 3600;
    articles.push({ id: await insertId(db('show_articles').insert({ user_id: author, content: NOTES[i % NOTES.length], images: JSON.stringify(images), c_time: at })), author, at });
  }

  const blocked = new Set((await db('show_blocks').whereIn('user_id', people).select('user_id', 'to_user_id')).map((b) => `${b.user_id}:${b.to_user_id}`));
  const after = (at: number) => Math.min(now, at + 60 + Math.floor(random() * 3 * 86400));
  for (const [reaction, wanted] of [['like', DEMO_ARTICLES.likes], ['collect', DEMO_ARTICLES.collects]] as const) {
    const taken = new Set<string>();
    while (taken.size < wanted) {
      const article = pick(articles);
      const user = pick(people);
      if (taken.has(`${article.id}:${user}`)) continue;
      taken.add(`${article.id}:${user}`);
      await db(REACTIONS[reaction].table).insert({ article_id: article.id, user_id: user, c_time: after(article.at) });
    }
  }
  for (let written = 0; written < DEMO_ARTICLES.comments; ) {
    const article = pick(articles);
    const user = pick(people);
    if (blocked.has(`${article.author}:${user}`)) continue;
    await db('show_article_comments').insert({ article_id: article.id, user_id: user, content: pick(REMARKS), c_time: after(article.at) });
    written++;
  }

  // The counters from the rows themselves, so they start equal to what they count.
  const ids = articles.map((a) => a.id);
  const countOf = (table: string) => db(table).count('*').where('article_id', db.raw('??', ['show_articles.id']));
  await db('show_articles')
    .whereIn('id', ids)
    .update({ like_count: countOf('show_article_likes'), collect_count: countOf('show_article_collects'), comment_count: countOf('show_article_comments') });
}

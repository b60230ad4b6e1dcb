import type { AppContext } from '../../../context';
import { unixSeconds } from '../../../core/clock';
import { demoPicture } from '../../../platform/demo';
import { OwnerType, uploadService } from '../../../platform/files/uploads';
import { userDirectory } from '../../../platform/identity/users';
import { insertId, transaction } from '../../../storage/db';
import { TICKET_STATUS } from '../services/tickets';
import { SHOW_DEMO_PHONES } from './010_people';

const DAY_SEC = 86_400;

/** Ten tickets on sale, newest last; `soldOut` has nothing left to reserve. */
const TICKETS: Array<{ name: string; intro: string; cents: number; total: number; soldOut?: true }> = [
  { name: '春季新品发布秀', intro: '品牌春季新品首发，含后台探班环节。', cents: 18_800, total: 300 },
  { name: '国风服饰大赏', intro: '汉服与新中式设计师联合走秀。', cents: 12_800, total: 200 },
  { name: '街头潮流市集', intro: '潮牌快闪、古着淘货与现场音乐。', cents: 6_800, total: 500 },
  { name: '设计师沙龙之夜', intro: '与三位新锐设计师面对面聊创作。', cents: 9_900, total: 80, soldOut: true },
  { name: '夏日泳装派对', intro: '泳池边的夏日系列发布。', cents: 15_800, total: 150 },
  { name: '复古时装回顾展', intro: '百年时装史精选，含讲解。', cents: 5_800, total: 400 },
  { name: '可持续时尚论坛', intro: '环保面料与循环设计的圆桌讨论。', cents: 3_900, total: 120 },
  { name: '秋冬高定大秀', intro: '高级定制秋冬系列，限量座位。', cents: 68_800, total: 60 },
  { name: '模特新星选拔赛', intro: '年度新面孔总决赛，现场投票。', cents: 8_800, total: 250 },
  { name: '年终时尚盛典', intro: '年度造型大奖颁奖与跨年派对。', cents: 29_900, total: 500 },
];

const REMARKS = ['去年去过，非常值得！', '已经买好票了，期待', '座位视野怎么样？', '和朋友一起去', '求同行的小伙伴', '现场灯光太美了', '票价有点小贵但值', '第一次看秀，好紧张'];

/**
 * The ticket half of the show demo: ten tickets (one sold out) with placeholder pictures, 2–4 comments
 * on each by the demo people, and a 2-line cart of the demo user. The people come from 010_people,
 * found by phone; without them only the tickets are written (comments and cart skipped, said in the log).
 */
export async function seed(app: AppContext): Promise<void> {
  const now = unixSeconds(app.clock);
  const files = app.use(uploadService);
  // Pictures first: stored under a name, so a seed run again after a failure replaces them, not adds.
  const images: string[] = [];
  for (const i of TICKETS.keys()) {
    images.push((await files.storeBase64(demoPicture(200 + i), { type: OwnerType.ADMIN, id: 0 }, { category: 'ticket', name: `demo_ticket_${i + 1}` })).image_url);
  }
  const users = app.use(userDirectory);
  const people = (await Promise.all(SHOW_DEMO_PHONES.map((phone) => users.byMobile(phone)))).map((user) => user?.id);
  const [demo] = people;
  if (demo === undefined) app.logger.warn('show demo ticket comments and cart skipped: the demo people (010_people) are absent');

  await transaction(app.db, async (trx) => {
    const tickets: number[] = [];
    for (const [i, ticket] of TICKETS.entries()) {
      const at = now - (TICKETS.length - i) * DAY_SEC;
      const remain = ticket.soldOut ? 0 : ticket.total;
      const row = { name: ticket.name, image: images[i], intro: ticket.intro, price: ticket.cents, total: ticket.total, remain, status: TICKET_STATUS.ON_SALE, c_time: at, u_time: at };
      tickets.push(await insertId(trx('show_tickets').insert(row)));
    }
    if (demo === undefined) return;
    const commenters = people.filter((id): id is number => id !== undefined);
    let remark = 0;
    const comments = tickets.flatMap((ticketId, t) =>
      Array.from({ length: 2 + (t % 3) }, (_, k) => ({
        ticket_id: ticketId,
        user_id: commenters[(t * 5 + k * 7) % commenters.length],
        content: REMARKS[remark++ % REMARKS.length],
        c_time: now - (TICKETS.length - t) * DAY_SEC + (k + 1) * 3600,
      })),
    );
    await trx('show_ticket_comments').insert(comments);
    await trx('show_cart_items').insert([
      { user_id: demo, ticket_id: tickets[0], number: 2, c_time: now - 2 * 3600, u_time: now - 2 * 3600 },
      { user_id: demo, ticket_id: tickets[7], number: 1, c_time: now - 3600, u_time: now - 3600 },
    ]);
  });
}

import type { AppContext } from '../../../context';
import { unixSeconds } from '../../../core/clock';
import { demoRandom } from '../../../platform/demo';
import { insertId } from '../../../storage/db';
import { passwordHasher } from '../../../platform/identity/passwords';
import { userDirectory } from '../../../platform/identity/users';
import { ITEM_ACTIONS, type ItemAction } from '../services/actions';
import { nearbyItemService } from '../services/items';
import { nearbyRecommender } from '../services/recommend';
import { postPlace } from '../services/posts';

/** The seed's centre point (Hangzhou), around which every demo resident and post lives. */
export const NEARBY_CENTRE = { latitude: 30.22625, longitude: 120.03185 } as const;
/** The documented demo login of the nearby product (README). */
export const NEARBY_DEMO_USER = { mobile: '13700137000', password: 'demo1234', username: 'nbdemo' } as const;

const FAMILIES: Record<string, Array<[name: string, price: number, activity: number | null, desc: string | null]>> = {
  clothes: [
    ['2020网红新款夏季清凉女装', 129, 99, '冰丝面料'], ['复古碎花连衣裙女装', 159, null, null], ['男士纯棉短袖T恤', 59, 39, '三件装'],
    ['轻薄羽绒服女款', 399, 299, null], ['高腰阔腿牛仔裤', 139, null, '显瘦'], ['儿童防晒衣', 89, 69, null],
    ['真丝印花衬衫', 259, null, null], ['运动速干短裤', 49, 35, '透气'], ['针织开衫外套', 169, 139, null], ['百搭帆布鞋', 79, null, null],
  ],
  health: [
    ['99%细菌过滤儿童一次性医用口罩 10枚', 19.9, 15.9, '独立包装'], ['成人医用外科口罩 50枚', 39, null, null], ['N95防护口罩', 59, 49, null],
    ['电子体温计', 29, null, '30秒测温'], ['酒精消毒湿巾', 12.5, 9.9, null], ['免洗洗手液', 15, null, null],
    ['维生素C泡腾片', 36, 29, null], ['家用血压计', 199, 169, '语音播报'], ['医用创可贴', 8.8, null, null], ['护眼蒸汽眼罩', 45, 35, null],
  ],
  skincare: [
    ['补水保湿玻尿酸面膜', 99, 79, '20片'], ['美白淡斑精华液', 239, null, null], ['温和氨基酸洗面奶', 69, 49, null],
    ['清爽控油爽肤水', 89, null, '大瓶装'], ['防晒霜SPF50', 129, 99, null], ['修护晚霜', 299, 259, null],
    ['卸妆水敏感肌', 79, null, null], ['滋润护手霜', 25, 19.9, '三支装'], ['保湿身体乳', 59, null, null], ['男士控油洁面乳', 49, 39, null],
  ],
  food: [
    ['每日坚果礼盒', 88, 68, '30袋'], ['柳州螺蛳粉', 39.9, 29.9, null], ['西湖龙井茶叶', 299, null, '明前'],
    ['手工芝麻汤圆', 25, null, null], ['低糖全麦面包', 19.9, 15.9, null], ['纯牛奶整箱', 65, 55, '24盒'],
    ['东北大米5kg', 49, null, null], ['麻辣牛肉干', 35, 29, null], ['蜂蜜柚子茶', 45, null, null], ['新鲜水果礼盒', 128, 99, null],
  ],
};

/** A point `metres` from the centre in the direction `bearing` (degrees). */
function around(metres: number, bearing: number): { lat: number; lng: number } {
  const d = metres / 6378137;
  const b = (bearing * Math.PI) / 180;
  const lat = (NEARBY_CENTRE.latitude * Math.PI) / 180;
  const lat2 = Math.asin(Math.sin(lat) * Math.cos(d) + Math.cos(lat) * Math.sin(d) * Math.cos(b));
  const lng2 = (NEARBY_CENTRE.longitude * Math.PI) / 180 + Math.atan2(Math.sin(b) * Math.sin(d) * Math.cos(lat), Math.cos(d) - Math.sin(lat) * Math.sin(lat2));
  return { lat: (lat2 * 180) / Math.PI, lng: (lng2 * 180) / Math.PI };
}

const NICKNAMES = ['小邻', '阿杰', '王阿姨', '李叔', '小美', '大刘', '陈老师', '周周', '吴姐', '郑哥', '孙婆婆', '钱多多', '赵小宝', '冯医生', '何师傅'];

/**
 * The nearby demo (catalog-nearby.md "Demo seed"): 15 residents around the seed's centre, 40 items in 4
 * families, ~600 actions in 3 taste clusters (clothes, health, skincare + food) with a food staple that
 * everyone orders, so the most popular item is not what CF or tags propose; 25 posts within 5 km, system
 * messages and four chats with unread messages both ways; then the similarity job once.
 */
export async function seed(app: AppContext): Promise<void> {
  const random = demoRandom(20_040);
  const nowMs = app.clock.now();
  const now = unixSeconds(app.clock);
  const day = 24 * 3600 * 1000;
  const hash = await app.use(passwordHasher).hash(NEARBY_DEMO_USER.password);

  const residents: number[] = [];
  for (let i = 0; i < 15; i++) {
    const mobile = i === 0 ? NEARBY_DEMO_USER.mobile : `137001370${String(i).padStart(2, '0')}`;
    const username = i === 0 ? NEARBY_DEMO_USER.username : `nb_user${String(i).padStart(2, '0')}`;
    const user = await app.use(userDirectory).create({
      mobile,
      username,
      role: i === 1 ? 1 : 0,
      password_hash: hash,
      nickname: NICKNAMES[i],
      platform: 1,
      c_time: now - 90 * 24 * 3600,
    });
    residents.push(user.id);
  }

  const items = app.use(nearbyItemService);
  const family: Record<string, number[]> = {};
  for (const [name, rows] of Object.entries(FAMILIES)) {
    family[name] = [];
    for (const [itemName, price, activity, desc] of rows) {
      const { item_id } = await items.add({
        name: itemName,
        simple_desc: desc,
        simple_desc_close: desc ? `${desc}，限时` : null,
        list_pic_url: null,
        retail_price: price,
        activity_price: activity,
        status: 1,
      });
      family[name].push(Number(item_id));
    }
  }

  // Three taste clusters; the demo user (resident 0) loves clothes and orders from them.
  const clusters = [
    { members: residents.slice(0, 5), items: family.clothes },
    { members: residents.slice(5, 10), items: family.health },
    { members: residents.slice(10, 15), items: [...family.skincare, ...family.food.slice(1)] },
  ];
  const staple = family.food[0];
  const actions: Array<{ user_id: number; item_id: number; action: ItemAction; created_ms: number }> = [];
  const pickAction = (): ItemAction => ITEM_ACTIONS[Math.min(3, Math.floor(random() * random() * 5))];
  for (const cluster of clusters) {
    for (const member of cluster.members) {
      for (let k = 0; k < 36; k++) {
        const item = cluster.items[Math.floor(random() * cluster.items.length)];
        actions.push({ user_id: member, item_id: item, action: pickAction(), created_ms: nowMs - Math.floor(random() * 60) * day });
      }
      // Everyone orders the staple a few times: it is the most ordered item, but says nothing about taste.
      for (let k = 0; k < 3; k++) actions.push({ user_id: member, item_id: staple, action: 'order', created_ms: nowMs - Math.floor(random() * 20) * day });
    }
  }
  actions.push({ user_id: residents[0], item_id: family.clothes[0], action: 'order', created_ms: nowMs - 2 * day });
  for (let k = 0; k < actions.length; k += 200) await app.db('nearby_item_actions').insert(actions.slice(k, k + 200));

  const posts = [
    '楼下新开了一家面包店，全麦面包不错', '有人一起拼单买口罩吗？', '小区门口的快递柜坏了', '周末跳蚤市场，欢迎来逛',
    '谁家的猫跑丢了？橘色的', '推荐这款面膜，补水效果很好', '电梯又在维修了', '今晚广场舞八点开始', '求推荐附近的修鞋店',
    '夏天到了，这件女装很清凉', '社区医院周三有义诊', '转让一辆儿童自行车', '停车位出租，月租300', '龙井新茶到了',
    '有没有一起晨跑的邻居', '物业费怎么交？', '这家螺蛳粉太香了', '帮忙投票，谢谢大家', '小区绿化修剪通知',
    '防晒衣买一送一', '谁有多余的纸箱', '周日家长会别忘了', '体温计哪里买最便宜', '坚果礼盒团购啦', '晚上路灯不亮，注意安全',
  ];
  const allItems = Object.values(family).flat();
  for (let i = 0; i < posts.length; i++) {
    const metres = i < 18 ? 50 + Math.floor(random() * 450) : 500 + Math.floor(random() * 4500);
    const place = around(metres, Math.floor(random() * 360));
    const at = nowMs - (posts.length - i) * 3600 * 1000;
    await app.db('nearby_posts').insert({
      user_id: residents[i % residents.length],
      content: posts[i],
      item_id: i % 3 === 0 ? null : allItems[Math.floor(random() * allItems.length)],
      ...postPlace({ latitude: place.lat, longitude: place.lng }),
      add_ms: at,
      update_ms: at,
    });
  }
  await app.db('nearby_user_locations').insert({ user_id: residents[0], lat: NEARBY_CENTRE.latitude, lng: NEARBY_CENTRE.longitude, updated_ms: nowMs });

  const message = (m: { sender?: number; receiver?: number; type?: string; subtype?: string; title?: string; content: string; extra?: string; at: number }) => ({
    sender_id: m.sender ?? null,
    receiver_id: m.receiver ?? null,
    type: m.type ?? (m.sender ? 'private' : 'system'),
    subtype: m.subtype ?? 'default',
    title: m.title ?? '',
    content: m.content,
    extra: m.extra ?? '',
    add_ms: m.at,
  });
  const demo = residents[0];
  await app.db('nearby_messages').insert([
    message({ title: '欢迎加入易邻邦', content: '欢迎来到社区，和邻居们打个招呼吧！', at: nowMs - 5 * day }),
    message({ receiver: demo, title: '实名认证通过', content: '您的实名认证已通过。', at: nowMs - 3 * day }),
    message({ receiver: demo, title: '快递到了', content: '您的快递已放入3号柜。', extra: '{"locker":3}', at: nowMs - day }),
    message({ receiver: demo, type: 'activity', subtype: 'market', title: '跳蚤市场', content: '周末跳蚤市场报名开始。', at: nowMs - 2 * day }),
  ]);
  const chats: Array<[partner: number, lines: string[]]> = [
    [residents[1], ['你好，请问口罩还有吗？', '还有两盒', '我下楼来拿', '好的，门口等你', '谢谢！', '不客气', '下次一起拼单', '没问题']],
    [residents[2], ['王阿姨好', '小邻你好呀', '明天广场舞吗', '去的，八点', '好，我也去', '带上水', '嗯嗯']],
    [residents[3], ['李叔，车位还出租吗', '租出去了', '好的，谢谢', '下次有空位告诉你', '麻烦了', '客气啥', '😊']],
    [residents[4], ['这件女装好看吗', '好看！', '链接发我', '在帖子里', '找到了', '我也想买', '一起下单', '好']],
  ];
  let chatMs = nowMs - 12 * 3600 * 1000;
  const reads: Array<{ message_id: number; user_id: number; read_ms: number }> = [];
  for (const [partner, lines] of chats) {
    for (let k = 0; k < lines.length; k++) {
      chatMs += 60_000;
      const fromDemo = k % 2 === 1;
      const id = await insertId(app.db('nearby_messages').insert(message({ sender: fromDemo ? demo : partner, receiver: fromDemo ? partner : demo, content: lines[k], at: chatMs })));
      // The last two lines of each chat are still unread, whichever way they went.
      if (k < lines.length - 2) reads.push({ message_id: id, user_id: fromDemo ? partner : demo, read_ms: chatMs + 30_000 });
    }
  }
  await app.db('nearby_message_reads').insert(reads);
  await app.use(nearbyRecommender).rebuildSimilarity();
}

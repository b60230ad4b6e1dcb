import type { AppContext } from '../../../context';
import { unixSeconds } from '../../../core/clock';
import { demoPicture } from '../../../platform/demo';
import { OwnerType, uploadService } from '../../../platform/files/uploads';
import { passwordHasher } from '../../../platform/identity/passwords';
import { userDirectory } from '../../../platform/identity/users';
import { walletService } from '../../../platform/wallet/wallet';
import { ProductStatus } from '../services/products';
import { purchaseIdOf, PurchaseState } from '../services/purchases';

/** The demo student (README "Campus"): 500.00 in the wallet, two shops, ten purchases. */
export const CAMPUS_DEMO_STUDENT = { phone: '13512345600', password: 'campus123' } as const;
/** A student with 1.00: purchase.pay answers "balance not enough (102)". */
export const CAMPUS_DEMO_POOR_STUDENT = { phone: '13512345601', password: 'campus123' } as const;

const NAMES = ['王凌超', '码三秃', '李明', '张华', '陈静', '刘洋', '赵磊', '孙悦', '周婷', '吴昊'];

export async function seed(app: AppContext): Promise<void> {
  const now = unixSeconds(app.clock);
  const users = app.use(userDirectory);
  const files = app.use(uploadService);
  const wallet = app.use(walletService);
  const passwordHash = await app.use(passwordHasher).hash(CAMPUS_DEMO_STUDENT.password);
  const ids: number[] = [];
  for (const [i, name] of NAMES.entries()) {
    const mobile = `135123456${String(i).padStart(2, '0')}`;
    ids.push((await users.create({ mobile, password_hash: passwordHash, nickname: name, platform: 0 })).id);
  }
  const [student, poor] = ids;
  await wallet.credit({ userId: student, cents: 50_000, reason: '演示充值' });
  await wallet.credit({ userId: poor, cents: 100, reason: '演示充值' });

  let picture = 0;
  const upload = async (category: 'property' | 'shop' | 'product', owner: number) =>
    (await files.storeBase64(demoPicture(++picture), { type: OwnerType.USER, id: owner }, { category, name: `demo_${category}_${picture}` })).image_url;

  const labs = ['卡类|一卡通', '钱包', '电子产品|耳机', '书籍', '钥匙'];
  for (let i = 0; i < 20; i++) {
    const owner = ids[i % ids.length];
    const picNum = i % 4;
    const pics = [];
    for (let p = 0; p < picNum; p++) pics.push(await upload('property', owner));
    const at = now - (20 - i) * 3600;
    await app.db('campus_properties').insert({
      type: (i % 2) + 1,
      state: i % 3 === 0 ? 1 : 0,
      lab: labs[i % labs.length],
      title: `${i % 2 ? '捡到' : '丢失'}${labs[i % labs.length].split('|')[0]}${i + 1}`,
      content: `在图书馆附近${i % 2 ? '捡到' : '丢失'}，请联系我。`,
      occurrence_time: at - 1800,
      user_id: owner,
      user_name: NAMES[i % NAMES.length],
      user_phone: `135123456${String(i % 10).padStart(2, '0')}`,
      user_qq: String(893721700 + i),
      ...(i % 5 === 0 ? { user2_id: String(ids[(i + 1) % ids.length]), user2_name: NAMES[(i + 1) % NAMES.length], user2_phone: '13512345609', user2_qq: '15448486' } : {}),
      publish_time: at,
      update_time: at,
      pic_num: picNum,
      pic_url1: pics[0] ?? '',
      pic_url2: pics[1] ?? '',
      pic_url3: pics[2] ?? '',
    });
  }

  const shopOwners = [student, student, ids[2], ids[3]];
  const shops: Array<{ id: number; owner: number }> = [];
  for (const [i, owner] of shopOwners.entries()) {
    const id = 811729970 + i;
    await app.db('campus_shops').insert({ shop_id: id, shop_name: ['小码三秃', '五小灵童', '二手书屋', '文具小铺'][i], shop_content: `演示店铺 ${i + 1}`, user_id: owner, pic_url: await upload('shop', owner), creat_time: now - (4 - i) * 86400 });
    shops.push({ id, owner });
  }

  const products: Array<{ id: number; shop: number; owner: number; cents: number }> = [];
  const keys = ['文具|笔', '书籍|教材', '零食|饮料', '电子|配件', '生活|日用'];
  for (let i = 0; i < 25; i++) {
    const shop = shops[i % shops.length];
    const id = 4517733 + i;
    const cents = 500 + i * 150;
    const status = i === 24 ? ProductStatus.DELETED : i % 6 === 5 ? ProductStatus.OFF_SALE : ProductStatus.ON_SALE;
    await app.db('campus_products').insert({
      product_id: id,
      shop_id: shop.id,
      product_name: `演示商品${i + 1}`,
      product_content: '演示商品的介绍',
      product_key: keys[i % keys.length],
      price_cents: cents,
      disprice_cents: i % 4 === 0 ? cents - 100 : null,
      pic_url: await upload('product', shop.owner),
      product_status: status,
      creat_time: now - (25 - i) * 600,
      update_time: 0,
    });
    products.push({ id, shop: shop.id, owner: shop.owner, cents: i % 4 === 0 ? cents - 100 : cents });
  }

  // Bought from the shops the demo student does not own; paid ones moved money through the ledger.
  const others = products.filter((p) => p.owner !== student && p.id !== 4517733 + 24);
  const states = [PurchaseState.PAYING, PurchaseState.PAYING, PurchaseState.PAYING, PurchaseState.PAID, PurchaseState.PAID, PurchaseState.PAID, PurchaseState.PAID, PurchaseState.CANCELLED, PurchaseState.CANCELLED, PurchaseState.CANCELLED];
  for (const [i, state] of states.entries()) {
    const product = others[i % others.length];
    // Paying ones are recent, so the 30-minute job leaves them for a while; the rest are days old.
    const at = state === PurchaseState.PAYING ? now - i * 60 : now - (i + 1) * 86400;
    const purchaseId = purchaseIdOf(at, product.id);
    await app.db('campus_purchases').insert({
      purchase_id: purchaseId,
      purchase_state: state,
      user_id: student,
      seller_id: product.owner,
      shop_id: product.shop,
      product_id: product.id,
      product_num: 1,
      unit_cents: product.cents,
      total_cents: product.cents,
      purchase_type: 0,
      pay_method: state === PurchaseState.PAID ? 'wallet' : null,
      creat_time: at,
      paid_at: state === PurchaseState.PAID ? at + 60 : 0,
      cancelled_at: state === PurchaseState.CANCELLED ? at + 1800 : 0,
    });
    if (state === PurchaseState.PAID) {
      await wallet.credit({ userId: student, cents: product.cents, reason: '演示充值' });
      await wallet.transfer({ fromUserId: student, toUserId: product.owner, cents: product.cents, reason: `校园商城订单 ${purchaseId}`, toReason: `校园商城售出 ${purchaseId}`, ref: `order:campus:${purchaseId}:pay` });
      await app.db('campus_products').where({ product_id: product.id }).increment('product_sale', 1);
    }
  }
}

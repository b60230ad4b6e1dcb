import { expect } from 'chai';
import { ADMIN_ID, ok, refused, useShowServer } from '../../../helpers';

describe('show back office: show.merchant.set and show.user.category.set', () => {
  const show = useShowServer();
  const UNKNOWN = 'f'.repeat(32);
  const admin = (method: string, params: Record<string, unknown> = {}) => show.admin.call(method, { admin_id: ADMIN_ID, ...params });
  const category = async (userId: number) => Number((await show.server.app.db('show_users').where({ user_id: userId }).first('category')).category);

  it('show.merchant.set makes a user a merchant with a shop card; a second call changes only the fields given', async () => {
    const shop = await show.person();
    const picture = await show.image(shop);
    const data = ok(await admin('show.merchant.set', { uid: shop.uid, name: ' 秀秀小店 ', logo: picture.fileId, intro: '原创设计', address: '杭州市西湖区' }));
    expect(data).to.deep.equal({ uid: shop.uid, category: 2, name: '秀秀小店', logo: picture.url, intro: '原创设计', address: '杭州市西湖区' });
    expect(await category(shop.id)).to.equal(2);
    expect(await show.server.app.db('show_merchants').where({ user_id: shop.id }).first('name', 'logo', 'u_by')).to.deep.equal({ name: '秀秀小店', logo: picture.url, u_by: ADMIN_ID });
    const info = await show.as<{ user_info: { category: number } }>(await show.person(), 'user.info', { to_uid: shop.uid });
    expect(info.user_info.category).to.equal(2);

    show.server.clock.advance(1000);
    expect(ok(await admin('show.merchant.set', { uid: shop.uid, name: '新店名', address: '' }))).to.deep.equal({
      uid: shop.uid,
      category: 2,
      name: '新店名',
      logo: picture.url,
      intro: '原创设计',
      address: '',
    });
    expect(await show.server.app.db('show_merchants').where({ user_id: shop.id }).count({ n: '*' }).first()).to.satisfy((r: { n: unknown }) => Number(r.n) === 1);
  });

  it('show.merchant.set: a user with no show row yet gets one; fields left out start empty', async () => {
    const shop = await show.person();
    await show.server.app.db('show_users').where({ user_id: shop.id }).delete();
    expect(ok(await admin('show.merchant.set', { uid: shop.uid, name: 'A' }))).to.deep.equal({ uid: shop.uid, category: 2, name: 'A', logo: '', intro: '', address: '' });
    expect(await category(shop.id)).to.equal(2);
  });

  it('show.merchant.set refuses an unknown user, a logo not ours, a missing or long name, and no admin_id; nothing changes', async () => {
    const user = await show.person();
    refused(await admin('show.merchant.set', { uid: UNKNOWN, name: 'A' }), /user not found/);
    refused(await admin('show.merchant.set', { uid: user.uid, name: 'A', logo: 'https://elsewhere.example/l.png' }), /logo/);
    for (const bad of [{ uid: user.uid }, { uid: user.uid, name: '' }, { uid: user.uid, name: 'x'.repeat(51) }, { uid: user.uid, name: 'A', intro: 'x'.repeat(501) }, { uid: 'nope', name: 'A' }]) {
      expect((await admin('show.merchant.set', bad)).code, JSON.stringify(bad)).to.equal(503);
    }
    expect((await show.admin.call('show.merchant.set', { uid: user.uid, name: 'A' })).code, 'admin_id').to.equal(503);
    expect(await show.server.app.db('show_merchants').where({ user_id: user.id }).first()).to.equal(undefined);
    expect(await category(user.id)).to.equal(0);
  });

  it('show.user.category.set sets 0/1/2; 2 needs a shop card first; masters then list', async () => {
    const [user, viewer] = [await show.person({ nickname: '达人' }), await show.person()];
    expect(ok(await admin('show.user.category.set', { uid: user.uid, category: 1 }))).to.deep.equal({ uid: user.uid, category: 1 });
    expect(await category(user.id)).to.equal(1);
    expect(await show.server.app.db('show_users').where({ user_id: user.id }).first('u_by')).to.deep.equal({ u_by: ADMIN_ID });
    const masters = await show.as<{ master_list: Array<{ uid: string }> }>(viewer, 'get.master.list');
    expect(masters.master_list.map((m) => m.uid)).to.include(user.uid);

    refused(await admin('show.user.category.set', { uid: user.uid, category: 2 }), /show\.merchant\.set/);
    expect(await category(user.id)).to.equal(1);
    ok(await admin('show.merchant.set', { uid: user.uid, name: 'Shop' }));
    ok(await admin('show.user.category.set', { uid: user.uid, category: 0 }));
    expect(await category(user.id)).to.equal(0);
    expect(ok(await admin('show.user.category.set', { uid: user.uid, category: 2 }))).to.deep.equal({ uid: user.uid, category: 2 });
    expect(await category(user.id)).to.equal(2);

    refused(await admin('show.user.category.set', { uid: UNKNOWN, category: 1 }), /user not found/);
    for (const value of [3, -1, '1x', undefined]) expect((await admin('show.user.category.set', { uid: user.uid, category: value })).code, String(value)).to.equal(503);
    expect((await show.admin.call('show.user.category.set', { uid: user.uid, category: 1 })).code, 'admin_id').to.equal(503);
    expect(await category(user.id)).to.equal(2);
  });
});

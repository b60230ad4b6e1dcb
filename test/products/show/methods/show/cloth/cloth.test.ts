import { expect } from 'chai';
import { expectPaged, ok, refused, useShowServer, type ShowUser } from '../../../helpers';

const CLOTH_KEYS = ['cloth_id', 'name', 'image', 'intro', 'price', 'created_at', 'is_like'];
const MERCHANT_KEYS = ['uid', 'name', 'logo', 'intro'];

type Cloth = Record<string, unknown> & { cloth_id: string; is_like: boolean };
type MCloth = Cloth & { merchant: Record<string, unknown> };

describe('show cloth methods (design circle and merchants)', () => {
  const show = useShowServer();
  let viewer: ShowUser;
  let shop: ShowUser;
  const design: string[] = [];
  const merchant: string[] = [];
  let offDesign: string;
  let offMerchant: string;

  const likeCount = async (id: string) => Number((await show.server.app.db('show_clothes').where({ id: Number(id) }).first('like_count')).like_count);
  const likeRows = async (id: string) => Number((await show.server.app.db('show_cloth_likes').where({ cloth_id: Number(id) }).count({ n: '*' }))[0].n);

  before(async () => {
    viewer = await show.person();
    shop = await show.merchant({ name: '潮流小铺', logo: 'https://cdn.example.com/logo.png', intro: '街头潮牌', address: '深圳市南山区粤海街道 1 号' });
    for (let i = 0; i < 3; i++) design.push(await show.cloth({ kind: 'design', name: `设计作品${i}`, intro: `介绍${i}`, price: 100 + i + 0.5 }));
    for (let i = 0; i < 3; i++) merchant.push(await show.cloth({ kind: 'merchant', merchant_uid: shop.uid, name: `商品${i}`, price: 19.99 }));
    offDesign = await show.cloth({ kind: 'design', status: 0 });
    offMerchant = await show.cloth({ kind: 'merchant', merchant_uid: shop.uid, status: 0 });
  });

  it('design.circle.cloth.list: shown design clothes newest first, Cloth shape, paged', async () => {
    const data = await show.as<Record<string, unknown>>(viewer, 'design.circle.cloth.list', { limit: 2 });
    const list = expectPaged(data, 'design_circle_cloth_list', 3, true) as Cloth[];
    expect(list.map((c) => c.cloth_id)).to.deep.equal([design[2], design[1]]);
    expect(list[0]).to.have.all.keys(...CLOTH_KEYS);
    expect(list[0]).to.include({ name: '设计作品2', intro: '介绍2', price: 102.5, is_like: false });
    expect(list[0].image).to.match(/^https?:\/\/.+\/files\//);
    expect(list[0].created_at).to.equal(Math.floor(show.server.clock.now() / 1000));
    const rest = expectPaged(await show.as(viewer, 'design.circle.cloth.list', { limit: 2, offset: 2 }), 'design_circle_cloth_list', 3, false) as Cloth[];
    expect(rest.map((c) => c.cloth_id)).to.deep.equal([design[0]]);
    expect((await show.raw(viewer, 'design.circle.cloth.list', { limit: 101 })).code).to.equal(503);
  });

  it('merchant.cloth.list: shown merchant clothes with their merchant card', async () => {
    const list = expectPaged(await show.as(viewer, 'merchant.cloth.list'), 'merchant_cloth_list', 3, false) as MCloth[];
    expect(list.map((c) => c.cloth_id)).to.deep.equal([...merchant].reverse());
    expect(list[0]).to.have.all.keys(...CLOTH_KEYS, 'merchant');
    expect(list[0].merchant).to.have.all.keys(...MERCHANT_KEYS);
    expect(list[0].merchant).to.deep.equal({ uid: shop.uid, name: '潮流小铺', logo: 'https://cdn.example.com/logo.png', intro: '街头潮牌' });
    expect(list[0].price).to.equal(19.99);
  });

  it('details: Cloth and MCloth + address; off clothes, the other catalogue and unknown ids are "cloth not found"', async () => {
    const detail = await show.as<{ design_circle_cloth_detail: Cloth }>(viewer, 'design.circle.cloth.detail', { cloth_id: design[0] });
    expect(detail).to.have.all.keys('design_circle_cloth_detail');
    expect(detail.design_circle_cloth_detail).to.have.all.keys(...CLOTH_KEYS);
    expect(detail.design_circle_cloth_detail).to.include({ cloth_id: design[0], name: '设计作品0', price: 100.5 });
    const mdetail = await show.as<{ merchant_cloth_detail: MCloth }>(viewer, 'merchant.cloth.detail', { cloth_id: merchant[1] });
    expect(mdetail.merchant_cloth_detail).to.have.all.keys(...CLOTH_KEYS, 'merchant', 'address');
    expect(mdetail.merchant_cloth_detail).to.include({ cloth_id: merchant[1], address: '深圳市南山区粤海街道 1 号' });
    expect(mdetail.merchant_cloth_detail.merchant).to.include({ uid: shop.uid });
    for (const [method, id] of [
      ['design.circle.cloth.detail', offDesign],
      ['design.circle.cloth.detail', merchant[0]],
      ['design.circle.cloth.detail', '999999'],
      ['merchant.cloth.detail', offMerchant],
      ['merchant.cloth.detail', design[0]],
    ] as const) {
      refused(await show.raw(viewer, method, { cloth_id: id }), /^cloth not found$/);
    }
    expect((await show.raw(viewer, 'merchant.cloth.detail', { cloth_id: 'abc' })).code).to.equal(503);
  });

  it('like / unlike: idempotent, is_like follows, the counter equals the rows; wrong catalogue or off → not found and nothing changes', async () => {
    for (const [family, id] of [['design.circle.cloth', design[1]], ['merchant.cloth', merchant[1]]] as const) {
      expect(await show.as(viewer, `${family}.like`, { cloth_id: id })).to.deep.equal({});
      expect(await show.as(viewer, `${family}.like`, { cloth_id: id })).to.deep.equal({});
      expect(await likeCount(id)).to.equal(1);
      expect(await likeRows(id)).to.equal(1);
      const detail = await show.as<Record<string, Cloth>>(viewer, `${family}.detail`, { cloth_id: id });
      expect(Object.values(detail)[0].is_like).to.equal(true);
      const other = await show.person();
      const theirs = await show.as<Record<string, Cloth>>(other, `${family}.detail`, { cloth_id: id });
      expect(Object.values(theirs)[0].is_like, 'another user has not liked it').to.equal(false);
      expect(await show.as(viewer, `${family}.unlike`, { cloth_id: id })).to.deep.equal({});
      expect(await show.as(viewer, `${family}.unlike`, { cloth_id: id })).to.deep.equal({});
      expect(await likeCount(id)).to.equal(0);
      expect(await likeRows(id)).to.equal(0);
    }
    refused(await show.raw(viewer, 'design.circle.cloth.like', { cloth_id: merchant[0] }), /^cloth not found$/);
    refused(await show.raw(viewer, 'merchant.cloth.like', { cloth_id: offMerchant }), /^cloth not found$/);
    refused(await show.raw(viewer, 'merchant.cloth.unlike', { cloth_id: '424242' }), /^cloth not found$/);
    expect(await likeRows(merchant[0])).to.equal(0);
    expect(await likeRows(offMerchant)).to.equal(0);
    expect((await show.raw(viewer, 'merchant.cloth.like', {})).code, 'cloth_id is required (decision 4)').to.equal(503);
    ok(await show.raw(viewer, 'merchant.cloth.like', { cloth_id: merchant[2] }));
    const list = (await show.as<{ merchant_cloth_list: MCloth[] }>(viewer, 'merchant.cloth.list')).merchant_cloth_list;
    expect(list.map((c) => c.is_like)).to.deep.equal([true, false, false]);
  });

  it('every cloth method needs a show token', async () => {
    for (const method of ['design.circle.cloth.list', 'design.circle.cloth.detail', 'design.circle.cloth.like', 'merchant.cloth.list', 'merchant.cloth.unlike', 'recommend.merchant.cloth.list']) {
      expect((await show.client.call(method, { cloth_id: design[0] })).code, method).to.be.oneOf([601, 602]);
    }
  });

  it('parallel likes and unlikes by many users never make the counter drift from the rows', async () => {
    const id = merchant[0];
    const people = await Promise.all(Array.from({ length: 12 }, () => show.person()));
    // Each person likes twice and half of them unlike in the same burst: every toggle is its own signed call.
    await Promise.all(people.flatMap((p, i) => [
      show.as(p, 'merchant.cloth.like', { cloth_id: id }),
      show.as(p, 'merchant.cloth.like', { cloth_id: id }),
      ...(i % 2 ? [show.as(p, 'merchant.cloth.unlike', { cloth_id: id })] : []),
    ]));
    expect(await likeCount(id)).to.equal(await likeRows(id));
    expect(await likeRows(id)).to.be.within(6, 12);
    // Settle: everyone unlikes at once, some twice.
    await Promise.all(people.flatMap((p, i) => [show.as(p, 'merchant.cloth.unlike', { cloth_id: id }), ...(i % 3 ? [] : [show.as(p, 'merchant.cloth.unlike', { cloth_id: id })])]));
    expect(await likeRows(id)).to.equal(0);
    expect(await likeCount(id)).to.equal(0);
    await Promise.all(people.map((p) => show.as(p, 'merchant.cloth.like', { cloth_id: id })));
    expect(await likeRows(id)).to.equal(12);
    expect(await likeCount(id)).to.equal(12);
  });
});

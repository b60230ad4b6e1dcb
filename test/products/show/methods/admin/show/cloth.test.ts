import { expect } from 'chai';
import { ADMIN_ID, expectPaged, ok, refused, useShowServer, type ShowUser } from '../../../helpers';

const ADMIN_CLOTH_KEYS = ['cloth_id', 'kind', 'merchant_uid', 'name', 'image', 'intro', 'price', 'tags', 'status', 'like_count', 'created_at', 'updated_at'];

describe('admin show.cloth.*', () => {
  const show = useShowServer();
  let shop: ShowUser;
  let viewer: ShowUser;
  let image: { fileId: string; url: string };

  const admin = <T = unknown>(method: string, params: Record<string, unknown>) => show.admin.call<T>(method, { admin_id: ADMIN_ID, ...params });
  const clothCount = async () => Number((await show.server.app.db('show_clothes').count({ n: '*' }))[0].n);
  const row = (id: string) => show.server.app.db('show_clothes').where({ id: Number(id) }).first();

  before(async () => {
    shop = await show.merchant({ name: '国风小馆' });
    viewer = await show.person();
    image = await show.image(viewer);
  });

  it('show.cloth.add: a design work and a merchant cloth, image as file id or our URL, price yuan → cents, tags from name + intro', async () => {
    const designAnswer = ok(await admin<{ cloth_id: string }>('show.cloth.add', { kind: 'design', name: '新中式盘扣马面裙', image: image.fileId, intro: '国风织金', price: 299.9 }));
    expect(designAnswer).to.have.all.keys('cloth_id');
    expect(designAnswer.cloth_id).to.match(/^\d+$/);
    const design = await row(designAnswer.cloth_id);
    expect(design).to.include({ kind: 'design', merchant_user_id: 0, name: '新中式盘扣马面裙', image: image.url, intro: '国风织金', price: 29990, status: 1, like_count: 0, c_by: ADMIN_ID, u_by: ADMIN_ID });
    expect(JSON.parse(design.tags)).to.include.members(['新中式', '马面裙', '国风', '织金']);

    const relative = image.url.slice(image.url.indexOf('/files/'));
    const { cloth_id } = ok(await admin<{ cloth_id: string }>('show.cloth.add', { kind: 'merchant', merchant_uid: shop.uid, name: '街头连帽卫衣', image: relative, price: '59', status: 0 }));
    expect(await row(cloth_id)).to.include({ kind: 'merchant', merchant_user_id: shop.id, image: image.url, intro: '', price: 5900, status: 0 });
  });

  it('show.cloth.add refuses bad input and writes nothing', async () => {
    const before = await clothCount();
    const valid = { kind: 'merchant', merchant_uid: shop.uid, name: '衣服', image: image.fileId, price: 10 };
    const ordinary = await show.person();
    refused(await admin('show.cloth.add', { ...valid, merchant_uid: ordinary.uid }), /^merchant_uid: not a merchant$/);
    const masterOnly = await show.person({ category: 2 });
    refused(await admin('show.cloth.add', { ...valid, merchant_uid: masterOnly.uid }), /not a merchant/); // category 2 but no merchant row
    refused(await admin('show.cloth.add', { ...valid, merchant_uid: 'f'.repeat(32) }), /^user not found$/);
    refused(await admin('show.cloth.add', { ...valid, merchant_uid: undefined }), /merchant_uid.*required/);
    refused(await admin('show.cloth.add', { ...valid, kind: 'design' }), /merchant_uid.*not allowed/);
    refused(await admin('show.cloth.add', { ...valid, kind: 'shoes' }), /kind/);
    refused(await admin('show.cloth.add', { ...valid, image: 'https://evil.example.com/x.png' }), /image: give a file id or a URL/);
    refused(await admin('show.cloth.add', { ...valid, image: '99999999' }), /image: image not found/);
    refused(await admin('show.cloth.add', { ...valid, price: 1.005 }), /price/);
    refused(await admin('show.cloth.add', { ...valid, price: 0 }), /price/);
    refused(await admin('show.cloth.add', { ...valid, name: '' }), /name/);
    refused(await admin('show.cloth.add', { ...valid, status: 2 }), /status/);
    refused(await admin('show.cloth.add', { ...valid, intro: 'x'.repeat(1001) }), /intro/);
    expect((await show.admin.call('show.cloth.add', valid)).code, 'admin_id is required').to.equal(503);
    expect((await show.client.call('show.cloth.add', { admin_id: ADMIN_ID, ...valid })).code, 'not under a show appid').to.not.equal(200);
    expect(await clothCount()).to.equal(before);
  });

  it('show.cloth.edit: any field, tags follow the name and intro, off clothes leave the show lists; refusals change nothing', async () => {
    const id = await show.cloth({ kind: 'merchant', merchant_uid: shop.uid, name: '极简通勤西装外套', intro: '羊毛混纺' });
    const other = await show.merchant({ name: '另一家' });
    show.server.clock.advance(5000);
    ok(await admin('show.cloth.edit', { cloth_id: id, intro: '法式职场 真丝', price: 388.88, merchant_uid: other.uid }));
    const edited = await row(id);
    expect(edited).to.include({ name: '极简通勤西装外套', intro: '法式职场 真丝', price: 38888, merchant_user_id: other.id, u_by: ADMIN_ID });
    expect(edited.u_time).to.equal(edited.c_time + 5);
    expect(JSON.parse(edited.tags)).to.include.members(['通勤', '真丝', '职场']).and.not.include('羊毛');

    const shown = async () => (await show.as<{ merchant_cloth_list: Array<{ cloth_id: string }> }>(viewer, 'merchant.cloth.list', { limit: 100 })).merchant_cloth_list.map((c) => c.cloth_id);
    expect(await shown()).to.include(id);
    ok(await admin('show.cloth.edit', { cloth_id: id, status: 0 }));
    expect(await shown()).not.to.include(id);
    refused(await show.raw(viewer, 'merchant.cloth.detail', { cloth_id: id }), /^cloth not found$/);
    ok(await admin('show.cloth.edit', { cloth_id: id, status: 1, image: image.url }));
    expect(await shown()).to.include(id);

    const snapshot = await row(id);
    refused(await admin('show.cloth.edit', { cloth_id: id }), /^nothing to update: give at least one field$/);
    refused(await admin('show.cloth.edit', { cloth_id: '777777', name: 'x' }), /^cloth not found$/);
    refused(await admin('show.cloth.edit', { cloth_id: id, merchant_uid: viewer.uid }), /^merchant_uid: not a merchant$/);
    const design = await show.cloth({ kind: 'design' });
    refused(await admin('show.cloth.edit', { cloth_id: design, merchant_uid: shop.uid }), /^merchant_uid: design circle clothes have no merchant$/);
    refused(await admin('show.cloth.edit', { cloth_id: id, name: 'new', price: -1 }), /price/);
    expect(await row(id)).to.deep.equal(snapshot);
  });

  it('show.cloth.list: every status, newest first, filtered by kind and status, paged', async () => {
    const all = await show.server.app.db('show_clothes').orderBy('id', 'desc').select('id', 'kind', 'status');
    const data = ok<Record<string, unknown>>(await show.admin.call('show.cloth.list', { limit: 3 }));
    const list = expectPaged(data, 'cloth_list', all.length, true) as Array<Record<string, unknown>>;
    expect(list.map((c) => c.cloth_id)).to.deep.equal(all.slice(0, 3).map((c) => String(c.id)));
    expect(list[0]).to.have.all.keys(...ADMIN_CLOTH_KEYS);
    const merchants = expectPaged(ok(await show.admin.call('show.cloth.list', { kind: 'merchant', limit: 100 })), 'cloth_list', all.filter((c) => c.kind === 'merchant').length, false) as Array<Record<string, unknown>>;
    expect(merchants.every((c) => c.kind === 'merchant' && typeof c.merchant_uid === 'string')).to.equal(true);
    const off = expectPaged(ok(await show.admin.call('show.cloth.list', { status: 0 })), 'cloth_list', all.filter((c) => Number(c.status) === 0).length, false) as Array<Record<string, unknown>>;
    expect(off.length).to.be.greaterThan(0);
    expect(off.every((c) => c.status === 0)).to.equal(true);
    const designs = expectPaged(ok(await show.admin.call('show.cloth.list', { kind: 'design', status: 1 })), 'cloth_list', all.filter((c) => c.kind === 'design' && Number(c.status) === 1).length, false) as Array<Record<string, unknown>>;
    expect(designs[0]).to.include({ kind: 'design', merchant_uid: null, status: 1 });
    expect(designs[0].tags).to.be.an('array');
    const first = await row(String(all.find((c) => c.kind === 'design')!.id));
    expect(designs[0]).to.include({ price: first.price / 100, created_at: first.c_time, updated_at: first.u_time, like_count: 0 });
    refused(await show.admin.call('show.cloth.list', { kind: 'x' }), /kind/);
  });
});

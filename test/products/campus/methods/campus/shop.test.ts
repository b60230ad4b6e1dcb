import { expect } from 'chai';
import { okData, refusedWith, TIME, useCampusServer } from '../../helpers';

const SHOP_KEYS = ['shop_id', 'shop_name', 'shop_content', 'user_id', 'user_name', 'creat_time', 'pic_url'];

describe('campus shop.*', () => {
  const f = useCampusServer();

  it('shop.create (and its alias shop.creat) answers a 9-digit shop_id and stores the shop for the caller', async () => {
    const owner = await f.student();
    const { shop_id } = okData(await f.as(owner)<{ shop_id: number }>('shop.create', { shop_name: '码三秃的店铺', user_id: 999 }));
    expect(shop_id).to.be.a('number').within(100_000_000, 999_999_999);
    const row = await f.server.app.db('campus_shops').where({ shop_id }).first();
    expect(row).to.include({ shop_name: '码三秃的店铺', shop_content: '', user_id: owner.id });
    const alias = okData(await f.as(owner)<{ shop_id: number }>('shop.creat', { shop_name: '五小灵童', shop_content: 'hi' }));
    expect(alias.shop_id).to.be.within(100_000_000, 999_999_999);
  });

  it('needs a campus session: none → 602, a bad token → 601', async () => {
    expect((await f.campus.call('shop.create', { shop_name: 'x' })).code).to.equal(602);
    expect((await f.campus.call('shop.list', { shop_name: '' }, { token: 'nope' })).code).to.equal(601);
  });

  it('refuses a used name (100), the fourth shop (101) and a missing or too long name', async () => {
    const owner = await f.student();
    const other = await f.student();
    const call = f.as(owner);
    okData(await call('shop.create', { shop_name: 'Taken Name' }));
    refusedWith(await f.as(other)('shop.create', { shop_name: 'Taken Name' }), /shop name already used \(100\)/);
    okData(await call('shop.create', { shop_name: 'second' }));
    okData(await call('shop.create', { shop_name: 'third' }));
    refusedWith(await call('shop.create', { shop_name: 'fourth' }), /shop limit reached \(101\)/);
    expect(await f.server.app.db('campus_shops').where({ user_id: owner.id }).count({ n: '*' })).to.deep.equal([{ n: 3 }]);
    refusedWith(await call('shop.create', {}), /shop_name/);
    refusedWith(await f.as(other)('shop.create', { shop_name: 'x'.repeat(101) }), /shop_name/);
  });

  it('10 parallel creations by one student make exactly 3 shops', async () => {
    const owner = await f.student();
    const answers = await Promise.all(Array.from({ length: 10 }, (_, i) => f.as(owner)('shop.create', { shop_name: `parallel ${owner.id} ${i}` })));
    expect(answers.filter((a) => a.code === 200)).to.have.length(3);
    for (const a of answers.filter((x) => x.code !== 200)) refusedWith(a, /shop limit reached/);
    expect(Number((await f.server.app.db('campus_shops').where({ user_id: owner.id }).count({ n: '*' }))[0].n)).to.equal(3);
  });

  it('shop.update changes the owner\'s shop (picture by a URL of ours) and refuses anyone else (100)', async () => {
    const owner = await f.student();
    const { shop_id } = okData(await f.as(owner)<{ shop_id: number }>('shop.create', { shop_name: `upd ${owner.id}` }));
    okData(await f.as(owner)('shop.update', { shop_id, shop_content: 'new text' }));
    expect(await f.server.app.db('campus_shops').where({ shop_id }).first()).to.include({ shop_content: 'new text', pic_url: '' });
    const stranger = await f.student();
    refusedWith(await f.as(stranger)('shop.update', { shop_id, shop_content: 'mine now' }), /not your shop \(100\)/);
    refusedWith(await f.as(owner)('shop.update', { shop_id: 123456789, shop_content: '' }), /not your shop \(100\)/);
    refusedWith(await f.as(owner)('shop.update', { shop_id, shop_content: 'x', pic_url: 'https://evil.example/a.png' }), /pic_url/);
    refusedWith(await f.as(owner)('shop.update', { shop_id }), /shop_content/);
    expect(await f.server.app.db('campus_shops').where({ shop_id }).first()).to.include({ shop_content: 'new text' });
  });

  describe('shop.list and shop.info', () => {
    let reader: Awaited<ReturnType<typeof f.student>>;
    before(async () => {
      reader = await f.student();
      const owner = await f.student();
      for (const [i, name] of ['Alpha list', 'Beta list', 'Gamma list', '100%_list'].entries()) {
        f.server.clock.advance(1000);
        okData(await f.as(i < 3 ? owner : reader)('shop.create', { shop_name: name, shop_content: `c${i}` }));
      }
    });

    it('lists by name fragment, creat_time ASC by default, in the Shop shape, paged', async () => {
      const page = okData(await f.as(reader)<{ list: Array<Record<string, unknown>>; total: number; page: number; count: number; isnext: boolean }>('shop.list', { shop_name: 'a list', count: 2 }));
      expect(page).to.include({ total: 3, page: 1, count: 2, isnext: true });
      expect(page.list.map((s) => s.shop_name)).to.deep.equal(['Alpha list', 'Beta list']);
      for (const shop of page.list) {
        expect(shop).to.have.all.keys(...SHOP_KEYS);
        expect(shop.shop_id).to.be.a('number');
        expect(shop.user_id).to.be.a('number');
        expect(shop.user_name).to.be.a('string').and.match(/\*{4}/);
        expect(shop.creat_time).to.match(TIME);
      }
      const second = okData(await f.as(reader)<{ list: Array<{ shop_name: string }>; isnext: boolean }>('shop.list', { shop_name: 'a list', count: 2, page: 2 }));
      expect(second.list.map((s) => s.shop_name)).to.deep.equal(['Gamma list']);
      expect(second.isnext).to.equal(false);
    });

    it('an empty name lists every shop; % and _ in the name match themselves', async () => {
      const all = okData(await f.as(reader)<{ total: number }>('shop.list', { shop_name: '' }));
      const count = Number((await f.server.app.db('campus_shops').count({ n: '*' }))[0].n);
      expect(all.total).to.equal(count);
      const literal = okData(await f.as(reader)<{ list: Array<{ shop_name: string }> }>('shop.list', { shop_name: '%_' }));
      expect(literal.list.map((s) => s.shop_name)).to.deep.equal(['100%_list']);
      expect(okData(await f.as(reader)<{ list: unknown[] }>('shop.list', { shop_name: 'no such shop' })).list).to.deep.equal([]);
      refusedWith(await f.as(reader)('shop.list', {}), /shop_name/);
    });

    it('ORD: up to 3 whitelisted fields with ASC/DESC', async () => {
      const desc = okData(await f.as(reader)<{ list: Array<{ shop_name: string }> }>('shop.list', { shop_name: 'a list', order: 'creat_time DESC' }));
      expect(desc.list.map((s) => s.shop_name)).to.deep.equal(['Gamma list', 'Beta list', 'Alpha list']);
      const byName = okData(await f.as(reader)<{ list: Array<{ shop_name: string }> }>('shop.list', { shop_name: 'a list', order: 'user_id asc, shop_name desc' }));
      expect(byName.list.map((s) => s.shop_name)).to.deep.equal(['Gamma list', 'Beta list', 'Alpha list']);
    });

    it('ORD: hostile or unknown order strings are refused 503 and reach no SQL', async () => {
      for (const order of [
        'creat_time DESC; DROP TABLE campus_shops',
        'shop_id DESC AND 1=1',
        '(shop_id)',
        'user_name ASC',
        'shop_id SIDEWAYS',
        'shop_id, shop_name, creat_time, pic_url',
        'shop_id, shop_id',
        'SLEEP(5)',
        'shop_id/**/DESC',
        '__proto__',
        'constructor',
      ]) {
        refusedWith(await f.as(reader)('shop.list', { shop_name: '', order }), /order/);
      }
      refusedWith(await f.as(reader)('shop.list', { shop_name: '', order: ['shop_id'] }), /order/);
      expect(Number((await f.server.app.db('campus_shops').count({ n: '*' }))[0].n)).to.be.greaterThan(0);
    });

    it('shop.info by exact id or exact name (id wins); not found 503; one of them required', async () => {
      const alpha = await f.server.app.db('campus_shops').where({ shop_name: 'Alpha list' }).first();
      const byId = okData(await f.as(reader)<Record<string, unknown>>('shop.info', { shop_id: alpha.shop_id }));
      expect(byId).to.have.all.keys(...SHOP_KEYS);
      expect(byId).to.include({ shop_id: alpha.shop_id, shop_name: 'Alpha list', shop_content: 'c0' });
      expect(okData(await f.as(reader)('shop.info', { shop_name: 'Alpha list' }))).to.deep.equal(byId);
      expect(okData(await f.as(reader)('shop.info', { shop_id: alpha.shop_id, shop_name: 'Beta list' }))).to.deep.equal(byId);
      refusedWith(await f.as(reader)('shop.info', { shop_name: 'Alpha' }), /shop not found/);
      refusedWith(await f.as(reader)('shop.info', { shop_id: 111111111 }), /shop not found/);
      refusedWith(await f.as(reader)('shop.info', {}), /shop_id or shop_name/);
      refusedWith(await f.as(reader)('shop.info', { shop_id: 'abc' }), /shop_id/);
    });
  });
});

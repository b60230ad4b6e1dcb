import { expect } from 'chai';
import { ADMIN_ID, expectPaged, ok, refused, useShowServer } from '../../../helpers';

const ADMIN_BANNER_KEYS = ['banner_id', 'position', 'image', 'url', 'sort', 'created_at'];

describe('show banners: admin show.banner.add/delete/list, home.banner and ticket.banner', () => {
  const show = useShowServer();
  const admin = (method: string, params: Record<string, unknown> = {}) => show.admin.call<Record<string, unknown>>(method, { admin_id: ADMIN_ID, ...params });

  async function add(params: Record<string, unknown>): Promise<string> {
    const data = ok(await admin('show.banner.add', params)) as { banner_id: string };
    expect(data).to.have.all.keys('banner_id');
    expect(data.banner_id).to.be.a('string');
    return data.banner_id;
  }

  it('show.banner.add stores a banner with the resolved image; the pages show theirs in sort order', async () => {
    const viewer = await show.person();
    const picture = await show.image(viewer);
    const later = await add({ position: 'ticket', image: picture.fileId, url: 'https://example.com/b', sort: 5 });
    const first = await add({ position: 'ticket', image: picture.url, url: 'http://example.com/a', sort: -1 });
    const home = await add({ position: 'home', image: Number(picture.fileId) });
    expect(await show.server.app.db('show_banners').where({ id: Number(later) }).first('position', 'image', 'url', 'sort', 'c_by')).to.deep.equal({
      position: 'ticket',
      image: picture.url,
      url: 'https://example.com/b',
      sort: 5,
      c_by: ADMIN_ID,
    });
    expect(await show.as(viewer, 'ticket.banner')).to.deep.equal({
      ticket_banner: [
        { banner_id: first, image: picture.url, url: 'http://example.com/a' },
        { banner_id: later, image: picture.url, url: 'https://example.com/b' },
      ],
    });
    expect(await show.as(viewer, 'home.banner')).to.deep.include({ home_banner: [{ banner_id: home, image: picture.url, url: '' }] });
    expect((await show.client.call('ticket.banner', {})).code, 'needs a token').to.equal(602);
  });

  it('show.banner.add refuses a bad position, an image not ours, a link that is not http(s), a bad sort and no admin_id', async () => {
    const owner = await show.person();
    const picture = await show.image(owner);
    const before = await show.server.app.db('show_banners').count({ n: '*' }).first();
    refused(await admin('show.banner.add', { position: 'home', image: 'https://elsewhere.example/a.png' }), /image/);
    refused(await admin('show.banner.add', { position: 'home', image: 99_999_999 }), /image: image not found/);
    for (const bad of [
      { position: 'side', image: picture.fileId },
      { position: 'home' },
      { position: 'home', image: picture.fileId, url: 'javascript:alert(1)' },
      { position: 'home', image: picture.fileId, url: 'x'.repeat(300) },
      { position: 'home', image: picture.fileId, sort: 1.5 },
    ]) {
      expect((await admin('show.banner.add', bad)).code, JSON.stringify(bad)).to.equal(503);
    }
    expect((await show.admin.call('show.banner.add', { position: 'home', image: picture.fileId })).code, 'admin_id').to.equal(503);
    expect(await show.server.app.db('show_banners').count({ n: '*' }).first()).to.deep.equal(before);
    expect((await show.client.call('show.banner.add', { admin_id: ADMIN_ID, position: 'home', image: picture.fileId })).code, 'a show appid').to.equal(509);
  });

  it('show.banner.list pages every banner by position and sort; position filters', async () => {
    await show.server.app.db('show_banners').delete();
    const picture = await show.image(await show.person());
    const ids = [
      await add({ position: 'ticket', image: picture.fileId, sort: 1 }),
      await add({ position: 'home', image: picture.fileId, sort: 2 }),
      await add({ position: 'home', image: picture.fileId, sort: 1, url: 'https://example.com/h' }),
    ];
    const all = ok(await admin('show.banner.list'));
    const list = expectPaged(all, 'banner_list', 3, false) as Array<Record<string, unknown>>;
    for (const banner of list) expect(banner).to.have.all.keys(...ADMIN_BANNER_KEYS);
    expect(list.map((b) => b.banner_id)).to.deep.equal([ids[2], ids[1], ids[0]]);
    expect(list[0]).to.deep.include({ position: 'home', image: picture.url, url: 'https://example.com/h', sort: 1 });
    expect(list[0].created_at).to.equal(Math.floor(show.server.clock.now() / 1000));
    const page = expectPaged(ok(await admin('show.banner.list', { limit: 1, offset: 1 })), 'banner_list', 3, true) as Array<{ banner_id: string }>;
    expect(page.map((b) => b.banner_id)).to.deep.equal([ids[1]]);
    const tickets = expectPaged(ok(await admin('show.banner.list', { position: 'ticket' })), 'banner_list', 1, false) as Array<{ banner_id: string }>;
    expect(tickets.map((b) => b.banner_id)).to.deep.equal([ids[0]]);
    expect((await admin('show.banner.list', { position: 'x' })).code).to.equal(503);
    expect((await admin('show.banner.list', { limit: 101 })).code).to.equal(503);
  });

  it('show.banner.delete removes the banner from the page; an unknown one is 503', async () => {
    const viewer = await show.person();
    const picture = await show.image(viewer);
    const id = await add({ position: 'ticket', image: picture.fileId, sort: 100 });
    expect(ok(await admin('show.banner.delete', { banner_id: id }))).to.deep.equal({});
    expect(await show.server.app.db('show_banners').where({ id: Number(id) }).first()).to.equal(undefined);
    const shown = (await show.as<{ ticket_banner: Array<{ banner_id: string }> }>(viewer, 'ticket.banner')).ticket_banner;
    expect(shown.map((b) => b.banner_id)).not.to.include(id);
    refused(await admin('show.banner.delete', { banner_id: id }), /banner not found/);
    expect((await admin('show.banner.delete', { banner_id: 'abc' })).code).to.equal(503);
    expect((await show.admin.call('show.banner.delete', { banner_id: id })).code, 'admin_id').to.equal(503);
  });
});

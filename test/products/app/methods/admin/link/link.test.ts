import { expect } from 'chai';
import { expectPage, ok, refused, useAdminServer } from '../../../../../helpers/admin';
import { expectShape } from '../../../../../helpers/shape';

const SEED_GROUP = { cat_id: 1, cat_name: '', links: [{ link_name: '', link_url: '', image_url: '' }] };

describe('admin link.*', () => {
  const t = useAdminServer(4);
  let linkCat: number;
  let newsCat: number;

  before(async () => {
    linkCat = ok(await t.admin<{ cat_id: number }>('category.add', { cat_type: 2, cat_name: 'Partners' })).cat_id;
    newsCat = ok(await t.admin<{ cat_id: number }>('category.add', { cat_type: 1, cat_name: 'News' })).cat_id;
  });

  const groupOf = async (catId: number) => {
    const { list } = ok(await t.app.call<{ list: Array<typeof SEED_GROUP> }>('system.link'));
    return list.find((g) => g.cat_id === catId);
  };

  it('link.add answers {link_id} and system.link shows it under its category', async () => {
    const { link_id: linkId } = ok(await t.admin<{ link_id: number }>('link.add', { cat_id: linkCat, link_name: 'Example', link_url: 'https://example.test', image_url: 'https://img.test/e.png' }));
    expect(await t.server.app.db('links').where({ link_id: linkId }).first()).to.include({ cat_id: linkCat, display: 1, status: 1, c_by: 4 });
    const group = await groupOf(linkCat);
    expectShape(group, SEED_GROUP, 'group');
    expect(group!.links).to.deep.equal([{ link_name: 'Example', link_url: 'https://example.test', image_url: 'https://img.test/e.png' }]);

    const page = ok(await t.adminClient.call('link.list', { cat_id: linkCat }));
    expectPage(page, t.server.config.paging.pageSize);
    expect(page.list[0]).to.include({ link_id: linkId, link_name: 'Example' });
  });

  it('link.edit and link.delete change what the app shows', async () => {
    const { link_id: linkId } = ok(await t.admin<{ link_id: number }>('link.add', { cat_id: linkCat, link_name: 'Second', link_url: 'https://second.test', listorder: 9 }));
    ok(await t.admin('link.edit', { link_id: linkId, link_name: 'Renamed' }));
    expect((await groupOf(linkCat))!.links.map((l) => l.link_name)).to.include('Renamed');
    ok(await t.admin('link.delete', { link_id: linkId }));
    expect((await groupOf(linkCat))!.links.map((l) => l.link_name)).not.to.include('Renamed');
    refused(await t.admin('link.edit', { link_id: linkId, link_name: 'x' }), /link does not exist/);
  });

  it('refuses a category that is not a link category, and unsafe URLs', async () => {
    refused(await t.admin('link.add', { cat_id: newsCat, link_name: 'x', link_url: 'https://x.test' }), /not a link category/);
    refused(await t.admin('link.add', { cat_id: 999_999, link_name: 'x', link_url: 'https://x.test' }), /not a link category/);
    refused(await t.admin('link.add', { cat_id: linkCat, link_name: 'x', link_url: 'javascript:alert(1)' }), /link_url/);
    refused(await t.admin('link.add', { cat_id: linkCat, link_name: 'x' }), /link_url/);
  });
});

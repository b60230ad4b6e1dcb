import { expect } from 'chai';
import { expectPage, ok, refused, useAdminServer } from '../../../../../helpers/admin';

const code = (digits: string) => digits.padEnd(30, '0');

describe('admin category.*', () => {
  const t = useAdminServer(1);

  const add = async (params: Record<string, unknown>) => ok(await t.admin<{ cat_id: number }>('category.add', params)).cat_id;
  const rowOf = (catId: number) => t.server.app.db('categories').where({ cat_id: catId }).first();
  const liveRoots = () => t.server.app.db('categories').where({ parentid: 0 }).select('cat_code');

  it('numbers siblings from 100 under their parent code, and the app shows the tree', async () => {
    const before = (await liveRoots()).length;
    const news = await add({ cat_type: 1, cat_name: '资讯' });
    const links = await add({ cat_type: 2, cat_name: 'Links' });
    const tech = await add({ cat_type: 1, cat_name: 'Tech', parentid: news, listorder: 2 });
    const life = await add({ cat_type: 1, cat_name: 'Life', parentid: news, listorder: 1 });
    // Root codes are shared by every type: cat_code is unique across the table.
    expect((await rowOf(news)).cat_code).to.equal(code(String(100 + before)));
    expect((await rowOf(links)).cat_code).to.equal(code(String(101 + before)));
    expect(await rowOf(tech)).to.include({ cat_code: code(`${100 + before}100`), lv: 2, parentid: news, c_by: 1 });
    expect(await rowOf(life)).to.include({ cat_code: code(`${100 + before}101`), lv: 2 });

    const tree = ok(await t.app.call<Record<string, { cat_id: number; sub: Record<string, unknown> }>>('system.category.list', { cat_type: 1 }));
    const node = tree[`0_${news}`];
    expect(node).to.include({ cat_id: news, cat_name: '资讯', parentid: 0, cat_code: code(String(100 + before)) });
    expect(Object.keys(node.sub)).to.deep.equal([`0_${life}`, `0_${tech}`]);

    const page = ok(await t.adminClient.call('category.list', { cat_type: 1, parentid: news }));
    expectPage(page, t.server.config.paging.pageSize);
    expect(page.list.map((c) => c.cat_id)).to.deep.equal([life, tech]);
  });

  it('refuses a parent that does not exist or is of another type', async () => {
    const linkRoot = await add({ cat_type: 2, cat_name: 'L' });
    refused(await t.admin('category.add', { cat_type: 1, cat_name: 'x', parentid: linkRoot }), /parent category does not exist/);
    refused(await t.admin('category.add', { cat_type: 1, cat_name: 'x', parentid: 999_999 }), /parent category does not exist/);
    refused(await t.admin('category.add', { cat_type: 4, cat_name: 'x' }), /cat_type/);
    refused(await t.admin('category.add', { cat_type: 1, cat_name: 'x'.repeat(21) }), /cat_name/);
  });

  it('edits name, display and order only: a category stays where it was made', async () => {
    const root = await add({ cat_type: 1, cat_name: 'Old' });
    ok(await t.admin('category.edit', { cat_id: root, cat_name: 'New', display: 0 }));
    expect(await rowOf(root)).to.include({ cat_name: 'New', display: 0 });
    refused(await t.admin('category.edit', { cat_id: root, parentid: 5 }), /at least one field/);
    const tree = ok(await t.app.call<Record<string, unknown>>('system.category.list', { cat_type: 1 }));
    expect(tree).not.to.have.property(`0_${root}`);
  });

  it('refuses to delete a category with sub-categories or content, then deletes softly', async () => {
    const root = await add({ cat_type: 2, cat_name: 'Parent' });
    const child = await add({ cat_type: 2, cat_name: 'Child', parentid: root });
    ok(await t.admin('link.add', { cat_id: child, link_name: 'a link', link_url: 'https://a.test' }));
    refused(await t.admin('category.delete', { cat_id: root }), /sub-categories/);
    refused(await t.admin('category.delete', { cat_id: child }), /still has content/);
    const [link] = await t.server.app.db('links').where({ cat_id: child });
    ok(await t.admin('link.delete', { link_id: link.link_id }));
    ok(await t.admin('category.delete', { cat_id: child }));
    ok(await t.admin('category.delete', { cat_id: root }));
    expect(await rowOf(root)).to.include({ status: 2 });
    refused(await t.admin('category.delete', { cat_id: root }), /category does not exist/);
    // Codes are never reused, not even a deleted category's.
    const again = await add({ cat_type: 2, cat_name: 'Again' });
    expect((await rowOf(again)).cat_code).not.to.equal((await rowOf(root)).cat_code);
  });
});

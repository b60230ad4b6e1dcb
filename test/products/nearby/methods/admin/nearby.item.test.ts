import { expect } from 'chai';
import { ADMIN_ID, ok, refused, useNearbyServer } from '../../helpers';

describe('admin nearby.item.add / edit / list, nearby.item.action.add', () => {
  const f = useNearbyServer();

  it('add stores fen, tags from the name, and defaults; list shows it with its tags', async () => {
    const { item_id } = ok<{ item_id: string }>(
      await f.admin.call('nearby.item.add', { admin_id: ADMIN_ID, name: '补水保湿面膜', retail_price: 59.9, activity_price: 39.5, simple_desc: '10片' }),
    );
    expect(item_id).to.match(/^\d+$/);
    const row = await f.server.app.db('nearby_items').where({ id: Number(item_id) }).first();
    expect(row).to.include({ name: '补水保湿面膜', retail_price_fen: 5990, activity_price_fen: 3950, simple_desc: '10片', simple_desc_close: null, status: 1 });
    const page = ok<{ list: Array<Record<string, unknown>>; total: number; page: number; count: number; isnext: boolean }>(
      await f.admin.call('nearby.item.list', { keyword: '面膜' }),
    );
    expect(page).to.have.all.keys('list', 'total', 'page', 'count', 'isnext');
    expect(page.list[0]).to.include({ item_id, name: '补水保湿面膜', retail_price: 59.9, activity_price: 39.5, status: 1 });
    expect(page.list[0].tags).to.include.members(['面膜', '补水', '保湿']);
  });

  it('edit: a rename re-tags; price to null; nothing to change and unknown items refused', async () => {
    const { item_id } = ok<{ item_id: string }>(await f.admin.call('nearby.item.add', { admin_id: ADMIN_ID, name: '医用口罩', retail_price: 5 }));
    ok(await f.admin.call('nearby.item.edit', { admin_id: ADMIN_ID, item_id, name: '夏季清凉女装', activity_price: null }));
    const tags = await f.server.app.db('nearby_item_tags').where({ item_id: Number(item_id) }).pluck('tag');
    expect(tags).to.include.members(['女装', '清凉']);
    expect(tags).not.to.include('口罩');
    refused(await f.admin.call('nearby.item.edit', { admin_id: ADMIN_ID, item_id }), /nothing to change/);
    refused(await f.admin.call('nearby.item.edit', { admin_id: ADMIN_ID, item_id: '123456789', name: 'x' }), /item not found/);
    refused(await f.admin.call('nearby.item.add', { admin_id: ADMIN_ID, name: 'x', retail_price: 1.234 }), /retail_price/);
    refused(await f.admin.call('nearby.item.add', { admin_id: ADMIN_ID, name: 'x', retail_price: 1, list_pic_url: 'javascript:alert(1)' }), /list_pic_url/);
  });

  it('action.add records behaviour by username; unknown users, items and actions refused', async () => {
    const who = await f.resident();
    const { item_id } = ok<{ item_id: string }>(await f.admin.call('nearby.item.add', { admin_id: ADMIN_ID, name: '坚果礼盒', retail_price: 88 }));
    ok(await f.admin.call('nearby.item.action.add', { username: who.username, item_id, action: 'order', time: 1_700_000_000.5 }));
    expect(await f.server.app.db('nearby_item_actions').where({ user_id: who.id }).first()).to.include({ item_id: Number(item_id), action: 'order', created_ms: 1_700_000_000_500 });
    refused(await f.admin.call('nearby.item.action.add', { username: 'ghost_user', item_id, action: 'view' }), /user not found/);
    refused(await f.admin.call('nearby.item.action.add', { username: who.username, item_id: '777777', action: 'view' }), /item not found/);
    refused(await f.admin.call('nearby.item.action.add', { username: who.username, item_id, action: 'hate' }), /action/);
    // The nearby namespace cannot reach the back office.
    expect((await f.client.call('nearby.item.add', { name: 'x', retail_price: 1 })).code).to.equal(509);
  });
});

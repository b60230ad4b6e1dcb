import { expect } from 'chai';
import { fillLatCells } from '../../../../../db/migrations/nearby/20261201_210_nearby_lat_cells';
import { haversineMetres } from '../../../../../app/products/nearby/services/geo';
import { ok, refused, useNearbyServer, type Resident } from '../../helpers';

const CENTRE = { latitude: 30.22625, longitude: 120.03185 };
/** The point `metres` north of a place (1° of latitude is R·π/180 m on this sphere). */
const north = (place: { latitude: number; longitude: number }, metres: number) => ({
  latitude: place.latitude + (metres / 6378137) * (180 / Math.PI),
  longitude: place.longitude,
});

interface Listed {
  num: number;
  total: number;
  list: Array<{ community_id: number; user: { username: string; nickname: string }; content: string; item: unknown; add_time: number; update_time: number; distance: number }>;
}

describe('nearby community.publish / list / update / delete', () => {
  const f = useNearbyServer();
  let alice: Resident;
  let bob: Resident;

  before(async () => {
    alice = await f.resident({ nickname: '爱丽丝' });
    bob = await f.resident({ nickname: '鲍勃' });
  });

  const list = (who: Resident, params: Record<string, unknown>) => f.as<Listed>(who, 'community.list', params);

  it('publish → list: the post with its author, item, times and distance; writes the row', async () => {
    const itemId = await f.item({ name: '儿童一次性医用口罩', simple_desc: '10枚', retail_price: 19.9, activity_price: null });
    const at = north(CENTRE, 120);
    const { community_id } = await f.as<{ community_id: number }>(alice, 'community.publish', { content: '<b>楼下口罩到货</b>', item_id: itemId, ...at });
    expect(community_id).to.be.a('number');
    const row = await f.server.app.db('nearby_posts').where({ id: community_id }).first();
    expect(row).to.include({ user_id: alice.id, content: '<b>楼下口罩到货</b>', item_id: Number(itemId) });
    const like = await f.server.app.db('nearby_item_actions').where({ user_id: alice.id, item_id: Number(itemId) }).first();
    expect(like).to.include({ action: 'like' });

    const data = await list(bob, { ...CENTRE, distance: 500 });
    const post = data.list.find((p) => p.community_id === community_id)!;
    expect(post).to.have.all.keys('community_id', 'user', 'content', 'item', 'add_time', 'update_time', 'distance');
    expect(post.user).to.deep.equal({ username: alice.username, nickname: '爱丽丝' });
    expect(post.item).to.deep.equal({ id: itemId, name: '儿童一次性医用口罩', simpleDesc: '10枚', listPicUrl: null, retailPrice: 19.9, activityPrice: null });
    expect(post.add_time).to.equal(f.server.clock.now() / 1000);
    expect(post.distance).to.be.closeTo(120, 0.01);
    expect(post.distance).to.equal(haversineMetres(CENTRE.latitude, CENTRE.longitude, at.latitude, at.longitude));
    expect(data.num).to.equal(data.list.length);
  });

  it('filters by distance at the edges: just inside is listed, just outside is not', async () => {
    const edge = { latitude: 10, longitude: 50 };
    const inside = await f.as<{ community_id: number }>(alice, 'community.publish', { content: 'inside', ...north(edge, 999.9) });
    const outside = await f.as<{ community_id: number }>(alice, 'community.publish', { content: 'outside', ...north(edge, 1000.1) });
    const ids = (await list(bob, { ...edge, distance: 1000 })).list.map((p) => p.community_id);
    expect(ids).to.include(inside.community_id);
    expect(ids).not.to.include(outside.community_id);
  });

  it('works across the antimeridian and next to the poles', async () => {
    const east = await f.as<{ community_id: number }>(alice, 'community.publish', { content: 'east', latitude: 0, longitude: 179.9995 });
    const listed = await list(bob, { latitude: 0, longitude: -179.9995, distance: 500 });
    expect(listed.list.map((p) => p.community_id)).to.include(east.community_id);
    expect(listed.list.find((p) => p.community_id === east.community_id)!.distance).to.be.closeTo(111.3, 0.5);

    const pole = await f.as<{ community_id: number }>(alice, 'community.publish', { content: 'pole', latitude: 89.9999, longitude: 10 });
    const polar = await list(bob, { latitude: 89.9999, longitude: -170, distance: 100 });
    expect(polar.list.map((p) => p.community_id)).to.include(pole.community_id);
    const south = await list(bob, { latitude: -90, longitude: 0, distance: 50_000 });
    expect(south.list).to.be.an('array');
  });

  it('finds posts on either side of the 0.01° latitude bands, south of the equator too', async () => {
    // Bands are floor(lat × 100): -0.0001 is band -1, 0 is band 0, 0.29 × 100 is 28.999… (band 28).
    const lats = [-0.0101, -0.01, -0.0001, 0, 0.0099, 0.01, 0.29, 0.2899999];
    const ids: number[] = [];
    for (const latitude of lats) ids.push((await f.as<{ community_id: number }>(alice, 'community.publish', { content: `band ${latitude}`, latitude, longitude: 7.5 })).community_id);
    const rows = await f.server.app.db('nearby_posts').whereIn('id', ids).orderBy('id').select('lat_cell');
    expect(rows.map((r: { lat_cell: number }) => r.lat_cell)).to.deep.equal(lats.map((lat) => Math.floor(lat * 100)));
    const listed = (await list(bob, { latitude: 0.14, longitude: 7.5, distance: 20_000 })).list.map((p) => p.community_id);
    expect(listed).to.include.members(ids);
  });

  it("the migration's fill of lat_cell for existing posts equals the service's floor on this engine", async () => {
    const lats = [-89.99, -0.0001, -0.01, 0.29, 0.57, 30.22625, 89.9999];
    for (const latitude of lats) await f.as(alice, 'community.publish', { content: `fill ${latitude}`, latitude, longitude: -60 });
    const mine = () => f.server.app.db('nearby_posts').where('content', 'like', 'fill %').orderBy('id');
    await mine().update({ lat_cell: 12345 });
    await fillLatCells(f.server.app.db);
    expect((await mine().select('lat_cell')).map((r: { lat_cell: number }) => r.lat_cell)).to.deep.equal(lats.map((lat) => Math.floor(lat * 100)));
  });

  it('newest first, paged by start/limit, total counts every match', async () => {
    const spot = { latitude: -33.9, longitude: 18.4 };
    const ids: number[] = [];
    for (let i = 0; i < 5; i++) {
      f.server.clock.advance(1000);
      ids.push((await f.as<{ community_id: number }>(alice, 'community.publish', { content: `p${i}`, ...north(spot, i * 10) })).community_id);
    }
    const first = await list(bob, { ...spot, distance: 100, limit: 2 });
    expect(first).to.include({ num: 2, total: 5 });
    expect(first.list.map((p) => p.community_id)).to.deep.equal([ids[4], ids[3]]);
    const last = await list(bob, { ...spot, distance: 100, start: 4, limit: 2 });
    expect(last.list.map((p) => p.community_id)).to.deep.equal([ids[0]]);
  });

  it('publish without coordinates uses the last place the caller listed from; none → 503', async () => {
    const carol = await f.resident();
    refused(await f.client.call('community.publish', { content: 'where am I' }, { token: carol.token }), /location unknown/);
    const here = { latitude: 45.5, longitude: -73.56 };
    await list(carol, { ...here });
    const { community_id } = await f.as<{ community_id: number }>(carol, 'community.publish', { content: 'here' });
    expect(await f.server.app.db('nearby_posts').where({ id: community_id }).first('lat', 'lng')).to.deep.equal({ lat: here.latitude, lng: here.longitude });
  });

  it('refuses bad input and unknown items, writing nothing', async () => {
    const before = await f.server.app.db('nearby_posts').count({ n: '*' });
    refused(await f.client.call('community.publish', { content: 'x', item_id: '9999999', ...CENTRE }, { token: alice.token }), /item not found/);
    refused(await f.client.call('community.publish', { content: '', ...CENTRE }, { token: alice.token }), /content/);
    refused(await f.client.call('community.publish', { content: 'x'.repeat(5001), ...CENTRE }, { token: alice.token }), /content/);
    refused(await f.client.call('community.publish', { content: 'x', latitude: 30 }, { token: alice.token }), /longitude/);
    refused(await f.client.call('community.list', { latitude: 91, longitude: 0 }, { token: alice.token }), /latitude/);
    refused(await f.client.call('community.list', { ...CENTRE, distance: 50_001 }, { token: alice.token }), /distance/);
    expect(await f.server.app.db('nearby_posts').count({ n: '*' })).to.deep.equal(before);
    expect((await f.client.call('community.list', { ...CENTRE })).code).to.equal(602);
  });

  it('update and delete: only the author; item_id "" detaches; deleted posts vanish', async () => {
    const itemId = await f.item({ name: '夏季清凉女装' });
    const spot = { latitude: 1.3, longitude: 103.8 };
    const { community_id } = await f.as<{ community_id: number }>(alice, 'community.publish', { content: 'v1', item_id: itemId, ...spot });
    refused(await f.client.call('community.update', { community_id, content: 'hack' }, { token: bob.token }), /not your post/);
    refused(await f.client.call('community.update', { community_id }, { token: alice.token }), /nothing to update/);
    refused(await f.client.call('community.update', { community_id, item_id: '888888' }, { token: alice.token }), /item not found/);
    refused(await f.client.call('community.update', { community_id: 99_999_999, content: 'x' }, { token: alice.token }), /post not found/);
    f.server.clock.advance(5000);
    expect(await f.as(alice, 'community.update', { community_id, content: 'v2', item_id: '' })).to.deep.equal({});
    const row = await f.server.app.db('nearby_posts').where({ id: community_id }).first();
    expect(row).to.include({ content: 'v2', item_id: null });
    const listed = (await list(bob, { ...spot, distance: 10 })).list.find((p) => p.community_id === community_id)!;
    expect(listed.item).to.equal(null);
    expect(listed.update_time - listed.add_time).to.equal(5);

    refused(await f.client.call('community.delete', { community_id }, { token: bob.token }), /not your post/);
    expect(await f.as(alice, 'community.delete', { community_id })).to.deep.equal({});
    expect((await f.server.app.db('nearby_posts').where({ id: community_id }).first()).deleted_ms).to.be.a('number');
    expect((await list(bob, { ...spot, distance: 10 })).list.map((p) => p.community_id)).not.to.include(community_id);
    refused(await f.client.call('community.delete', { community_id }, { token: alice.token }), /post not found/);
  });
});

import { expect } from 'chai';
import { nearbyRecommender } from '../../../../../app/products/nearby/services/recommend';
import { ADMIN_ID, ok, refused, useNearbyServer, type Resident } from '../../helpers';

interface Rcmd {
  rcmdItemList: Array<{ type: 1; id: string; categoryItem: Record<string, unknown> }>;
}

/**
 * A fixed dataset in three taste clusters: dresses, masks and face masks. The face mask 面膜A is the
 * most ordered item overall, so plain popularity puts it first; the dress cluster's own neighbours and
 * tags must win for a dress lover.
 */
describe('nearby recommend.item / recommend.index', () => {
  const f = useNearbyServer();
  const ids: Record<string, string> = {};
  const people: Resident[] = [];
  let dressFan: Resident;
  let newcomer: Resident;

  const act = async (who: Resident, item: string, action: string) => {
    const answer = await f.admin.call('nearby.item.action.add', { admin_id: ADMIN_ID, username: who.username, item_id: ids[item], action });
    ok(answer);
  };
  const names = (data: Rcmd) => data.rcmdItemList.map((r) => Object.entries(ids).find(([, id]) => id === r.id)![0]);

  before(async () => {
    const catalogue: Record<string, string> = {
      dressA: '夏季清凉连衣裙女装',
      dressB: '网红新款女装连衣裙',
      dressC: '复古碎花女装半身裙',
      maskA: '儿童一次性医用口罩',
      maskB: '成人医用外科口罩',
      faceA: '补水保湿玻尿酸面膜',
      faceB: '美白保湿面膜',
    };
    for (const [key, name] of Object.entries(catalogue)) ids[key] = await f.item({ name, retail_price: 9.9 });
    for (let i = 0; i < 6; i++) people.push(await f.resident());
    // Dress lovers.
    for (const who of people.slice(0, 3)) {
      await act(who, 'dressA', 'collect');
      await act(who, 'dressB', 'like');
      await act(who, 'dressC', 'view');
    }
    // Mask buyers, and face-mask buyers who order a lot.
    await act(people[3], 'maskA', 'order');
    await act(people[3], 'maskB', 'order');
    for (const who of people.slice(3, 6)) {
      await act(who, 'faceA', 'order');
      await act(who, 'faceB', 'like');
    }
    dressFan = await f.resident();
    await act(dressFan, 'dressA', 'like');
    newcomer = await f.resident();
    await f.server.app.use(nearbyRecommender).rebuildSimilarity();
  });

  it('plain popularity would lead with the most ordered face mask', async () => {
    const popular = await f.as<Rcmd>(newcomer, 'recommend.index', { limit: 3 });
    expect(names(popular)[0]).to.equal('faceA');
  });

  it('recommend.item: the item\'s CF neighbours first (never itself), then popular items; the RcmdItem shape', async () => {
    const data = await f.as<Rcmd>(dressFan, 'recommend.item', { item_id: ids.dressA, limit: 4 });
    expect(names(data).slice(0, 2).sort()).to.deep.equal(['dressB', 'dressC']);
    expect(names(data)[0]).to.equal('dressB');
    expect(names(data)).not.to.include('dressA');
    expect(names(data)[2]).to.equal('faceA');
    expect(data.rcmdItemList[0]).to.deep.equal({
      type: 1,
      id: ids.dressB,
      categoryItem: { id: ids.dressB, listPicUrl: null, simpleDesc: null, simpleDescClose: null, name: '网红新款女装连衣裙', retailPrice: 9.9, activityPrice: null },
    });
  });

  it('recommend.index: the tag profile and CF put dresses first for a dress fan, unlike popularity', async () => {
    // Only orders are left out (decision 3): the liked dressA may come back, and does.
    const data = await f.as<Rcmd>(dressFan, 'recommend.index', { limit: 3 });
    expect(names(data).sort()).to.deep.equal(['dressA', 'dressB', 'dressC']);
  });

  it('is deterministic for a fixed dataset, and leaves out what the user ordered', async () => {
    const first = await f.as<Rcmd>(people[3], 'recommend.index', {});
    await f.server.app.use(nearbyRecommender).rebuildSimilarity();
    expect(await f.as<Rcmd>(people[3], 'recommend.index', {})).to.deep.equal(first);
    expect(names(first)).not.to.include.members(['maskA', 'maskB', 'faceA']);
  });

  it('an item off sale is never recommended; unknown items and bad limits refused', async () => {
    ok(await f.admin.call('nearby.item.edit', { admin_id: ADMIN_ID, item_id: ids.dressB, status: 0 }));
    const data = await f.as<Rcmd>(dressFan, 'recommend.item', { item_id: ids.dressA });
    expect(names(data)).not.to.include('dressB');
    ok(await f.admin.call('nearby.item.edit', { admin_id: ADMIN_ID, item_id: ids.dressB, status: 1 }));
    refused(await f.client.call('recommend.item', { item_id: '999999' }, { token: dressFan.token }), /item not found/);
    refused(await f.client.call('recommend.item', { item_id: 'abc' }, { token: dressFan.token }), /item_id/);
    refused(await f.client.call('recommend.item', { item_id: ids.dressA, limit: 51 }, { token: dressFan.token }), /limit/);
    refused(await f.client.call('recommend.index', { limit: 0 }, { token: dressFan.token }), /limit/);
    expect((await f.client.call('recommend.index', {})).code).to.equal(602);
  });
});

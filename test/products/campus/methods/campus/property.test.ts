import { expect } from 'chai';
import { tinyImages } from '../../../../helpers/images';
import { okData, refusedWith, TIME, useCampusServer } from '../../helpers';

const PROPERTY_KEYS = ['id', 'type', 'state', 'lab', 'title', 'content', 'occurrence_time', 'user_id', 'user_name', 'user_phone', 'user_qq', 'user2_id', 'user2_name', 'user2_phone', 'user2_qq', 'publish_time', 'update_time', 'pic_num', 'pic_url1', 'pic_url2', 'pic_url3'];

type Page<T = Record<string, unknown>> = { list: T[]; total: number; page: number; count: number; isnext: boolean };

describe('campus property.*', () => {
  const f = useCampusServer();
  const notice = { type: 1, lab: '卡类', title: '我丢了一张一卡通', content: '我在教学楼丢了一张校园卡', user_name: '王凌超', user_phone: '13750687010', user_qq: '893721708' };

  it('property.add answers {uid}; occurrence_time defaults to the publish time; user_id is the token\'s; pictures resolved', async () => {
    const user = await f.student();
    const { url } = okData(await f.as(user)<{ url: string }>('pic.upload', { from: 'property', base64: tinyImages.png.toString('base64'), name: `p${user.id}` }));
    const { uid } = okData(await f.as(user)<{ uid: number }>('property.add', { ...notice, occurrence_time: '', user_id: 42, publish_time: '2001-01-01 00:00:00', pic_num: 1, pic_url1: url }));
    expect(uid).to.be.a('number');
    const row = await f.server.app.db('campus_properties').where({ id: uid }).first();
    expect(row).to.include({ type: 1, state: 0, user_id: user.id, pic_num: 1, pic_url1: url, title: notice.title });
    expect(row.occurrence_time).to.equal(row.publish_time);
    expect(row.publish_time).to.equal(Math.floor(f.server.clock.now() / 1000));
    const timed = okData(await f.as(user)<{ uid: number }>('property.add', { ...notice, type: 2, occurrence_time: '2019-04-22 16:17:42' }));
    expect((await f.server.app.db('campus_properties').where({ id: timed.uid }).first()).occurrence_time).to.equal(1555921062);
  });

  it('property.add refuses a bad type, pic_num ≠ URLs, foreign pictures, missing and too long fields', async () => {
    const user = await f.student();
    const call = f.as(user);
    const before = Number((await f.server.app.db('campus_properties').count({ n: '*' }))[0].n);
    refusedWith(await call('property.add', { ...notice, type: 3 }), /type must be 1 or 2/);
    refusedWith(await call('property.add', { ...notice, type: 'lost' }), /type must be 1 or 2/);
    refusedWith(await call('property.add', { ...notice, pic_num: 2 }), /pic_num/);
    refusedWith(await call('property.add', { ...notice, pic_num: 4 }), /pic_num/);
    refusedWith(await call('property.add', { ...notice, pic_url1: 'https://evil.example/x.png' }), /pic_url1/);
    refusedWith(await call('property.add', { ...notice, title: 'x'.repeat(21) }), /title/);
    refusedWith(await call('property.add', { ...notice, lab: undefined }), /lab/);
    refusedWith(await call('property.add', { ...notice, occurrence_time: '2019-13-01 00:00:00' }), /occurrence_time/);
    refusedWith(await call('property.add', { ...notice, user_phone: '1'.repeat(16) }), /user_phone/);
    expect(Number((await f.server.app.db('campus_properties').count({ n: '*' }))[0].n)).to.equal(before);
    expect((await f.campus.call('property.add', notice)).code).to.equal(602);
  });

  it('property.update and property.delete: only the owner (the passed user_id is ignored); delete is soft', async () => {
    const owner = await f.student();
    const other = await f.student();
    const { uid } = okData(await f.as(owner)<{ uid: number }>('property.add', notice));
    f.server.clock.advance(5000);
    expect(okData(await f.as(owner)('property.update', { id: uid, state: 1, lab: '卡类|一卡通', user2_id: '1180310085', user2_name: '码三秃', user_id: other.id }))).to.deep.equal({ uid });
    const row = await f.server.app.db('campus_properties').where({ id: uid }).first();
    expect(row).to.include({ state: 1, lab: '卡类|一卡通', user2_id: '1180310085', user2_name: '码三秃', user_id: owner.id });
    expect(row.update_time).to.equal(row.publish_time + 5);
    refusedWith(await f.as(other)('property.update', { id: uid, title: 'mine' }), /not found or not yours/);
    refusedWith(await f.as(owner)('property.update', { id: uid, pic_num: 1 }), /pic_num/);
    refusedWith(await f.as(other)('property.delete', { id: uid, user_id: owner.id }), /not found or not yours/);
    expect(okData(await f.as(owner)('property.delete', { id: uid }))).to.deep.equal({ uid });
    expect((await f.server.app.db('campus_properties').where({ id: uid }).first()).deleted_at).to.be.greaterThan(0);
    refusedWith(await f.as(owner)('property.delete', { id: uid }), /not found or not yours/);
    refusedWith(await f.as(owner)('property.update', { id: uid, title: 'back' }), /not found or not yours/);
  });

  it('property.query: by key or filters (not both), newest update first, Property shape, paged', async () => {
    const poster = await f.student();
    const reader = await f.student();
    const ids: number[] = [];
    for (const [i, [title, lab]] of [['lost wallet', '钱包'], ['lost card', '卡类'], ['lost umbrella', '伞'], ['100%_off', '其他']].entries()) {
      f.server.clock.advance(1000);
      ids.push(okData(await f.as(poster)<{ uid: number }>('property.add', { ...notice, type: 2, title, lab, content: `c${i}`, state: i % 2 })).uid);
    }
    const page = okData(await f.as(reader)<Page>('property.query', { type: 2, key: 'lost', count: 2 }));
    expect(page).to.include({ total: 3, count: 2, page: 1, isnext: true });
    expect(page.list.map((p) => p.id)).to.deep.equal([ids[2], ids[1]]);
    for (const p of page.list) {
      expect(p).to.have.all.keys(...PROPERTY_KEYS);
      expect(p.publish_time).to.match(TIME);
      expect(p.user_id).to.equal(poster.id);
    }
    expect(okData(await f.as(reader)<Page>('property.query', { type: 2, key: '%_' })).list.map((p) => p.id)).to.deep.equal([ids[3]]);
    expect(okData(await f.as(reader)<Page>('property.query', { type: 2, key: String(ids[0]) })).list.map((p) => p.id)).to.include(ids[0]);
    expect(okData(await f.as(reader)<Page>('property.query', { type: 2, key: String(poster.id) })).total).to.equal(4);
    expect(okData(await f.as(reader)<Page>('property.query', { type: 2, state: 1, title: 'lost' })).list.map((p) => p.id)).to.deep.equal([ids[1]]);
    expect(okData(await f.as(reader)<Page>('property.query', { type: 2, lab: '伞' })).list.map((p) => p.id)).to.deep.equal([ids[2]]);
    expect(okData(await f.as(reader)<Page>('property.query', { type: 2, id: ids[0] })).list.map((p) => p.id)).to.deep.equal([ids[0]]);
    expect(okData(await f.as(reader)<Page>('property.query', { type: 2, user_id: reader.id })).list).to.deep.equal([]);
    expect(okData(await f.as(reader)<Page>('property.query', { type: 1, key: 'umbrella' })).list).to.deep.equal([]);
    refusedWith(await f.as(reader)('property.query', { type: 2, key: 'lost', state: 0 }), /key cannot be combined/);
    refusedWith(await f.as(reader)('property.query', { key: 'lost' }), /type/);
    refusedWith(await f.as(reader)('property.query', { type: 2, publish_time: 'yesterday' }), /publish_time/);
    expect((await f.campus.call('property.query', { type: 2 })).code).to.equal(602);
  });
});

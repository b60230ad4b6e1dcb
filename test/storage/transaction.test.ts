import { expect } from 'chai';
import { transaction, type Knex } from '../../app/storage/db';
import { startTestServer, usingMysql, type TestServer } from '../helpers/harness';

const deadlock = () => Object.assign(new Error('Deadlock found when trying to get lock'), { code: 'ER_LOCK_DEADLOCK' });

/** The one way to run a write transaction: deadlock victims run again, nested work is a savepoint. */
describe('storage: transaction()', () => {
  let server: TestServer;
  let db: Knex;

  before(async () => {
    server = await startTestServer();
    db = server.app.db;
    await db.schema.createTable('tx_probe', (t) => {
      t.integer('id').primary();
      t.integer('n').notNullable().defaultTo(0);
    });
  });
  beforeEach(async () => {
    await db('tx_probe').delete();
    await db('tx_probe').insert([{ id: 1 }, { id: 2 }]);
  });
  after(() => server.stop());

  const n = async (id: number) => Number((await db('tx_probe').where({ id }).first('n')).n);

  it('runs a deadlock victim again, and its writes count once', async () => {
    let runs = 0;
    await transaction(db, async (trx) => {
      runs += 1;
      await trx('tx_probe').where({ id: 1 }).increment('n', 1);
      if (runs < 3) throw deadlock();
    });
    expect(runs).to.equal(3);
    expect(await n(1)).to.equal(1);
  });

  it('a lock-wait timeout is retried too; after the attempts the last error stands', async () => {
    let runs = 0;
    const err = await transaction(db, async (trx) => {
      runs += 1;
      await trx('tx_probe').where({ id: 1 }).increment('n', 1);
      throw Object.assign(new Error('Lock wait timeout exceeded'), { code: 'ER_LOCK_WAIT_TIMEOUT' });
    }, { attempts: 4 }).catch((e: unknown) => e);
    expect(err).to.have.property('code', 'ER_LOCK_WAIT_TIMEOUT');
    expect(runs).to.equal(4);
    expect(await n(1)).to.equal(0);
  });

  it('any other error is not retried', async () => {
    let runs = 0;
    const err = await transaction(db, async () => {
      runs += 1;
      throw new Error('no');
    }).catch((e: unknown) => e);
    expect(err).to.have.property('message', 'no');
    expect(runs).to.equal(1);
  });

  it('recover decides about other errors (and may repair before the next run)', async () => {
    let runs = 0;
    const repaired: unknown[] = [];
    const answer = await transaction(db, async () => {
      runs += 1;
      if (runs === 1) throw new Error('taken');
      return 'ok';
    }, { recover: async (err) => (repaired.push(err), true) });
    expect(answer).to.equal('ok');
    expect(repaired).to.have.length(1);
  });

  it('inside another transaction it is a savepoint: a failure undoes only its own writes, and is not retried', async () => {
    let inner = 0;
    await transaction(db, async (trx) => {
      await trx('tx_probe').where({ id: 1 }).increment('n', 1);
      const err = await transaction(trx, async (sp) => {
        inner += 1;
        await sp('tx_probe').where({ id: 2 }).increment('n', 1);
        throw deadlock();
      }).catch((e: unknown) => e);
      expect(err).to.have.property('code', 'ER_LOCK_DEADLOCK');
    });
    expect(inner).to.equal(1);
    expect([await n(1), await n(2)]).to.deep.equal([1, 0]);
  });

  it('two transactions locking two rows in opposite order both succeed (MySQL picks a victim, which runs again)', async function () {
    if (!usingMysql()) this.skip(); // SQLite runs one transaction at a time: no deadlock to survive
    let oneLocked!: () => void;
    let twoLocked!: () => void;
    const firstHeld = new Promise<void>((resolve) => (oneLocked = resolve));
    const secondHeld = new Promise<void>((resolve) => (twoLocked = resolve));
    let runs = 0;
    const crosswise = (mine: number, theirs: number, held: () => void, theirsHeld: Promise<void>) =>
      transaction(db, async (trx) => {
        runs += 1;
        await trx('tx_probe').where({ id: mine }).forUpdate().first();
        held();
        await theirsHeld;
        await trx('tx_probe').where({ id: theirs }).forUpdate().first();
        await trx('tx_probe').whereIn('id', [mine, theirs]).increment('n', 1);
      });
    await Promise.all([crosswise(1, 2, oneLocked, secondHeld), crosswise(2, 1, twoLocked, firstHeld)]);
    expect(runs).to.equal(3);
    expect([await n(1), await n(2)]).to.deep.equal([2, 2]);
  });
});

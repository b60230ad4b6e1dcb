import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import { loadConfig } from '../../config';
import { createLogger } from '../../app/core/logger';
import { createDb } from '../../app/storage/db';
import { createMysqlDatabase, usingMysql } from '../helpers/harness';
import { silentServer } from '../helpers/tcpProxy';

const mode = (file: string) => fs.statSync(file).mode & 0o777;

describe('storage/db: the embedded SQLite files are private to the server user', () => {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'yaf-db-'));
  after(() => fs.rmSync(scratch, { recursive: true, force: true }));

  it('creates the directory 0700 and the database, -wal and -shm files 0600', async () => {
    const file = path.join(scratch, 'new', 'yaf.sqlite');
    const db = createDb(loadConfig({ NODE_ENV: 'test', SQLITE_FILE: file }).db);
    try {
      await db.schema.createTable('t', (t) => t.increments('id'));
      await db('t').insert({});
      expect(mode(path.dirname(file))).to.equal(0o700);
      for (const own of [file, `${file}-wal`, `${file}-shm`]) {
        expect(fs.existsSync(own), own).to.equal(true);
        expect(mode(own), own).to.equal(0o600);
      }
    } finally {
      await db.destroy();
    }
  });

  it('tightens a database file that an older version left world-readable', async () => {
    const file = path.join(scratch, 'old.sqlite');
    fs.writeFileSync(file, '', { mode: 0o644 });
    fs.chmodSync(file, 0o644);
    const db = createDb(loadConfig({ NODE_ENV: 'test', SQLITE_FILE: file }).db);
    try {
      await db.raw('select 1');
      expect(mode(file)).to.equal(0o600);
    } finally {
      await db.destroy();
    }
  });
});

async function timed(run: () => Promise<unknown>): Promise<{ ms: number; error?: Error }> {
  const started = performance.now();
  const error = await run().then(() => undefined, (err: Error) => err);
  return { ms: performance.now() - started, error };
}

describe('storage/db: bounded waits for MySQL', () => {
  const base = loadConfig({ ...process.env, NODE_ENV: 'test' }).db;
  const quiet = createLogger('silent');

  it('a server that accepts connections and never answers: the query fails at db.connectTimeoutMs', async () => {
    const hung = await silentServer();
    const db = createDb({ ...base, client: 'mysql', url: undefined, host: '127.0.0.1', port: hung.port, connectTimeoutMs: 200, acquireTimeoutMs: 5_000 }, quiet);
    try {
      const { ms, error } = await timed(() => db.raw('select 1'));
      expect(error, 'the query failed').to.be.instanceOf(Error);
      expect(ms).to.be.within(150, 1_000);
    } finally {
      await db.destroy();
      await hung.close();
    }
  });

  if (usingMysql()) {
    it('every pooled connection busy: the next query fails at db.acquireTimeoutMs instead of queueing on', async () => {
      const database = await createMysqlDatabase(base);
      const db = createDb({ ...base, url: undefined, database: database.database, poolMax: 1, acquireTimeoutMs: 200 }, quiet);
      try {
        const trx = await db.transaction();
        const { ms, error } = await timed(() => db.raw('select 1'));
        await trx.rollback();
        expect(error?.name).to.equal('KnexTimeoutError');
        expect(ms).to.be.within(150, 700);
        expect(await db.raw('select 1')).to.be.an('array');
      } finally {
        await db.destroy();
        await database.drop();
      }
    });
  }
});

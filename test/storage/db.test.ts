import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import { loadConfig } from '../../config';
import { createDb } from '../../app/storage/db';

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

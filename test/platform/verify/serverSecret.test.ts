import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import { loadConfig } from '../../../config';
import { resolveServerSecret, serverKeys, serverSecretFile, ServerKeys } from '../../../app/platform/verify/serverSecret';
import type { TestClient, TestServer } from '../../helpers/harness';
import { lastCode, startSmsTestServer } from '../../helpers/sms';
import { uniqueMobile } from '../../helpers/users';

const KEY = 'USER_REGISTER_CODE';

describe('server secret (issue 9, finding 3)', () => {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'yaf-secret-'));
  after(() => fs.rmSync(scratch, { recursive: true, force: true }));

  it('is required in production, and must be long', () => {
    const production = { NODE_ENV: 'production', SMS_ALLOW_OUTBOX: 'true', MAIL_ALLOW_OUTBOX: 'true', UPLOAD_BASE_URL: 'https://api.example.com' };
    expect(() => loadConfig(production)).to.throw(/SERVER_SECRET/);
    expect(() => loadConfig({ ...production, SERVER_SECRET: 'short' })).to.throw(/SERVER_SECRET must be at least 32 characters/);
    expect(loadConfig({ ...production, SERVER_SECRET: 'x'.repeat(32) }).serverSecret).to.equal('x'.repeat(32));
  });

  it('the embedded default generates one, keeps it 0600 next to the SQLite file, and reads it back', () => {
    const config = loadConfig({ NODE_ENV: 'development', SQLITE_FILE: path.join(scratch, 'db', 'yaf.sqlite') });
    const first = resolveServerSecret(config);
    const file = serverSecretFile(config.db);
    expect(file).to.equal(path.join(scratch, 'db', 'server-secret'));
    expect(fs.statSync(file).mode & 0o777).to.equal(0o600);
    expect(fs.statSync(path.dirname(file)).mode & 0o777).to.equal(0o700);
    expect(first).to.match(/^[0-9a-f]{64}$/);
    expect(resolveServerSecret(config)).to.equal(first);
    fs.chmodSync(file, 0o644);
    expect(resolveServerSecret(config)).to.equal(first);
    expect(fs.statSync(file).mode & 0o777).to.equal(0o600);
  });

  it('a configured SERVER_SECRET wins over the kept file', () => {
    const config = loadConfig({ NODE_ENV: 'development', SQLITE_FILE: path.join(scratch, 'db', 'yaf.sqlite'), SERVER_SECRET: 'k'.repeat(40) });
    expect(resolveServerSecret(config)).to.equal('k'.repeat(40));
  });

  it('refuses a kept file too short to be a secret', () => {
    const dir = path.join(scratch, 'short');
    fs.mkdirSync(dir, { mode: 0o700 });
    fs.writeFileSync(path.join(dir, 'server-secret'), 'abc\n', { mode: 0o600 });
    const config = loadConfig({ NODE_ENV: 'development', SQLITE_FILE: path.join(dir, 'yaf.sqlite') });
    expect(() => resolveServerSecret(config)).to.throw(/fewer than 32/);
  });
});

describe('stored codes are keyed with the server secret', () => {
  let server: TestServer;
  let client: TestClient;

  before(async () => {
    server = await startSmsTestServer();
    client = await server.client('app');
  });
  after(() => server.stop());

  it('a copied row cannot be checked against guesses from mobile, key and code alone', async () => {
    const mobile = uniqueMobile();
    expect((await client.call('sms.send', { mobile, key: KEY })).code).to.equal(200);
    const code = lastCode(server, mobile, KEY);
    const row = await server.app.db('verify_codes').where({ mobile }).first();
    // What the hash used to be: anyone with the row could try all million codes in under a second.
    const legacy = crypto.createHmac('sha256', `sms-code:${mobile}:${KEY}`).update(code).digest('hex');
    expect(row.code_hash).to.match(/^[0-9a-f]{64}$/);
    expect(row.code_hash).not.to.equal(legacy);
    expect(row.code_hash).not.to.equal(crypto.createHash('sha256').update(code).digest('hex'));
  });

  it('the right code is refused under another secret: the secret is part of the hash', async () => {
    const mobile = uniqueMobile();
    expect((await client.call('sms.send', { mobile, key: KEY })).code).to.equal(200);
    const code = lastCode(server, mobile, KEY);
    const mine = server.app.use(serverKeys);
    server.app.provide(serverKeys, new ServerKeys('another-secret-of-at-least-32-characters'));
    try {
      expect((await client.call('sms.verify', { mobile, key: KEY, code })).code).to.equal(700);
    } finally {
      server.app.provide(serverKeys, mine);
    }
    expect((await client.call('sms.verify', { mobile, key: KEY, code })).code).to.equal(200);
  });
});

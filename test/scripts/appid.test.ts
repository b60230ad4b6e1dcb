import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'chai';

const ROOT = path.join(__dirname, '..', '..');

/** `npm run appid -- …` as an operator runs it, on a scratch SQLite file (the script's logic is engine-free). */
describe('scripts/appid.ts', function () {
  this.timeout(60_000);
  let scratch: string;

  const run = (args: string[], env: Record<string, string> = {}) => {
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/appid.ts', ...args], {
      cwd: ROOT,
      encoding: 'utf8',
      env: {
        PATH: process.env.PATH ?? '',
        NODE_ENV: 'development',
        DB_CLIENT: 'sqlite',
        SQLITE_FILE: path.join(scratch, 'yaf.sqlite'),
        DEMO_SEED: 'false',
        SMS_OUTBOX: path.join(scratch, 'outbox.jsonl'),
        ...env,
      },
    });
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
  };
  const production = { NODE_ENV: 'production', SMS_ALLOW_OUTBOX: 'true', UPLOAD_BASE_URL: 'https://api.example.com', SERVER_SECRET: 's'.repeat(32), MAIL_ALLOW_OUTBOX: 'true' };

  before(() => {
    scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'yaf-appid-'));
  });
  after(() => fs.rmSync(scratch, { recursive: true, force: true }));

  it('list never prints a secret, even when a name looks like one', () => {
    const created = run(['create', '--type', 'app', '--name', 'shop secret=0000 (ios)', '--json']);
    expect(created.status, created.stderr).to.equal(0);
    const { appid, secret } = JSON.parse(created.stdout) as { appid: string; secret: string };
    const listed = run(['list']);
    expect(listed.status, listed.stderr).to.equal(0);
    expect(listed.stdout).to.contain(appid).and.contain('name="shop secret=0000 (ios)"');
    expect(listed.stdout).not.to.contain(secret);
  });

  it('an admin appid without --ip-allow is refused in production, with the reason', () => {
    const refused = run(['create', '--type', 'admin', '--name', 'back office'], production);
    expect(refused.status).to.equal(1);
    expect(refused.stderr).to.contain('--ip-allow').and.contain('production');
    expect(refused.stdout).to.equal('');
    const created = run(['create', '--type', 'admin', '--name', 'back office', '--ip-allow', '10.0.0.0/8'], production);
    expect(created.status, created.stderr).to.equal(0);
    expect(created.stdout).to.contain('ip_allow=10.0.0.0/8');
  });

  it('elsewhere it is created with a warning on stderr; stdout stays the answer', () => {
    const created = run(['create', '--type', 'admin', '--name', 'dev office', '--json']);
    expect(created.status, created.stderr).to.equal(0);
    expect(JSON.parse(created.stdout)).to.have.keys('appid', 'secret', 'api_type');
    expect(created.stderr).to.contain('IP allow-list');
  });

  it('--origin on create and allow: stored canonical, listed, "" empties the list', () => {
    const created = run(['create', '--type', 'app', '--name', 'h5', '--origin', 'HTTPS://M.Example.com/,http://127.0.0.1:8080', '--json']);
    expect(created.status, created.stderr).to.equal(0);
    const { appid } = JSON.parse(created.stdout) as { appid: string };
    const originsOf = () => (JSON.parse(run(['list', '--json']).stdout) as Array<{ appid: string; origins: string[] }>).find((r) => r.appid === appid)!.origins;
    expect(originsOf()).to.deep.equal(['https://m.example.com', 'http://127.0.0.1:8080']);
    const cleared = run(['allow', appid, '--origin', '']);
    expect(cleared.status, cleared.stderr).to.equal(0);
    expect(cleared.stdout).to.contain('(none: not for browser pages)');
    expect(originsOf()).to.deep.equal([]);
  });
});

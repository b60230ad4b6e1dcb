import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'chai';

const ROOT = path.join(__dirname, '..', '..');

/** Runs `app/main.ts` as `npm start` does, with a clean environment plus `env`. */
function start(env: Record<string, string>): { status: number | null; stderr: string } {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'app/main.ts'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env },
    encoding: 'utf8',
    timeout: 20_000,
  });
  return { status: result.status, stderr: result.stderr };
}

describe('app/main: refusing to start', () => {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'yaf-main-'));
  after(() => fs.rmSync(scratch, { recursive: true, force: true }));

  it('a bad setting stops the process with one line naming it', () => {
    const { status, stderr } = start({ PORT: 'eighty' });
    expect(status).to.equal(1);
    expect(stderr.trim()).to.equal('config: PORT="eighty" must be a whole number');
  });

  it('several workers without Redis are refused: shared state would split', () => {
    const { status, stderr } = start({ WORKERS: '2', SQLITE_FILE: path.join(scratch, 'x.sqlite') });
    expect(status).to.equal(1);
    expect(stderr).to.match(/^config: WORKERS=2 needs REDIS_URL/);
    expect(stderr.trim().split('\n')).to.have.length(1);
  });

  it('production refuses the outbox SMS driver unless explicitly allowed', () => {
    const { status, stderr } = start({ NODE_ENV: 'production', SQLITE_FILE: path.join(scratch, 'y.sqlite') });
    expect(status).to.equal(1);
    expect(stderr).to.match(/sms\.driver: the outbox SMS driver sends nothing/);
  });
});

import { expect } from 'chai';
import { DEFAULT_COST, PasswordHasher } from '../../../app/platform/identity/passwords';

describe('PasswordHasher', () => {
  const hasher = new PasswordHasher();

  it('stores scrypt$N$r$p$salt$hash with the default cost and a fresh salt each time', async () => {
    const a = await hasher.hash('demo1234');
    const b = await hasher.hash('demo1234');
    expect(a).to.match(/^scrypt\$32768\$8\$1\$[0-9a-f]{32}\$[0-9a-f]{64}$/);
    expect(DEFAULT_COST).to.deep.equal({ N: 32768, r: 8, p: 1 });
    expect(a.split('$')[4]).not.to.equal(b.split('$')[4]);
    expect(a).not.to.equal(b);
  });

  it('verifies the right password only', async () => {
    const stored = await hasher.hash('demo1234');
    expect(await hasher.verify('demo1234', stored)).to.equal(true);
    expect(await hasher.verify('demo1235', stored)).to.equal(false);
    expect(await hasher.verify('', stored)).to.equal(false);
  });

  it('refuses empty, malformed and absurd stored hashes instead of throwing', async () => {
    const stored = await hasher.hash('demo1234');
    const parts = stored.split('$');
    for (const bad of ['', 'md5$abc', parts.slice(0, 5).join('$'), ['scrypt', 2 ** 30, 8, 1, parts[4], parts[5]].join('$'), ['scrypt', 1000, 8, 1, parts[4], parts[5]].join('$')]) {
      expect(await hasher.verify('demo1234', bad), bad).to.equal(false);
    }
  });

  it('takes a cost option and verifies hashes made with any other cost', async () => {
    const cheap = new PasswordHasher({ N: 1024 });
    const stored = await cheap.hash('demo1234');
    expect(stored.startsWith('scrypt$1024$8$1$')).to.equal(true);
    expect(await hasher.verify('demo1234', stored)).to.equal(true);
    expect(hasher.needsRehash(stored)).to.equal(true);
    expect(cheap.needsRehash(stored)).to.equal(false);
    expect(hasher.needsRehash(await hasher.hash('x'))).to.equal(false);
  });
});

import { expect } from 'chai';
import { randomHex } from '../../app/core/random';

describe('randomHex', () => {
  it('answers lower-case hex of the asked length, never the same twice across pool refills', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 2_000; i++) {
      const hex = randomHex(i % 2 ? 16 : 24);
      expect(hex).to.match(i % 2 ? /^[0-9a-f]{32}$/ : /^[0-9a-f]{48}$/);
      seen.add(hex);
    }
    expect(seen.size).to.equal(2_000);
  });

  it('serves requests larger than the pool straight from the CSPRNG', () => {
    expect(randomHex(5_000)).to.match(/^[0-9a-f]{10000}$/);
  });

  it('is not biased towards any hex digit (a broken pool would repeat or zero-fill)', () => {
    const counts = new Map<string, number>();
    for (const c of Array.from({ length: 500 }, () => randomHex(32)).join('')) counts.set(c, (counts.get(c) ?? 0) + 1);
    expect(counts.size).to.equal(16);
    for (const n of counts.values()) expect(n).to.be.within(1_500, 2_500); // 32,000 digits / 16 = 2,000 each
  });
});

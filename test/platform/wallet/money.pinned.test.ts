import { expect } from 'chai';
import { centsOf, centsToYuan, yuanToCents } from '../../../app/platform/wallet/money';

describe('wallet money: conversions pinned down', () => {
  it('yuanToCents refuses what is not yuan and fen, saying so', () => {
    expect(() => yuanToCents(1.005)).to.throw(RangeError, 'not a yuan amount with at most two decimals: 1.005');
    expect(() => yuanToCents(Number.NaN)).to.throw(RangeError, /NaN/);
    expect(yuanToCents(19.99)).to.equal(1999);
    expect(centsToYuan(1999)).to.equal(19.99);
    for (const bad of [Infinity, -Infinity, Number.NaN, 0.1 + 0.2]) expect(centsOf(bad), String(bad)).to.equal(undefined);
  });
});

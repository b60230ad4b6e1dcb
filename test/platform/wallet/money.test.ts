import { expect } from 'chai';
import fc from 'fast-check';
import Joi from 'joi';
import { yuanField } from '../../../app/platform/wallet/fields';
import { centsOf, centsToYuan, MAX_BALANCE_CENTS, MAX_MOVE_CENTS, yuanToCents } from '../../../app/platform/wallet/money';

describe('wallet money: yuan on the wire, cents inside', () => {
  it('converts two-decimal yuan to cents exactly, where yuan * 100 is not an integer in floating point', () => {
    expect([19.99, 0.01, 0.1, 1.15, 10, 4.35, 1_000_000].map(yuanToCents)).to.deep.equal([1999, 1, 10, 115, 1000, 435, 100_000_000]);
    expect(19.99 * 100).to.not.equal(1999); // why the conversion cannot be a multiplication alone
    expect([1999, 1, 1000, 435].map(centsToYuan)).to.deep.equal([19.99, 0.01, 10, 4.35]);
  });

  it('refuses what is not yuan with at most two decimals', () => {
    for (const bad of [1.005, 0.1 + 0.2, 0.001, NaN, Infinity, -Infinity, 2 ** 53]) expect(centsOf(bad), String(bad)).to.equal(undefined);
    expect(() => yuanToCents(1.005)).to.throw(RangeError);
  });

  it('every cent amount up to the largest balance survives cents → JSON yuan → cents', () => {
    fc.assert(
      fc.property(fc.integer({ min: -MAX_BALANCE_CENTS, max: MAX_BALANCE_CENTS }), (cents) => {
        const wire = JSON.parse(JSON.stringify({ amount: centsToYuan(cents) })).amount as number;
        expect(yuanToCents(wire)).to.equal(cents);
        expect(yuanToCents(Number((cents / 100).toFixed(2)))).to.equal(cents);
      }),
      { seed: 20261201, numRuns: 5000 },
    );
  });

  it('the joi field takes positive yuan (numbers or numeric strings) and names what is wrong', () => {
    const schema = Joi.object({ amount: yuanField().required() });
    expect(schema.validate({ amount: '19.99' }).value).to.deep.equal({ amount: 19.99 });
    expect(schema.validate({ amount: MAX_MOVE_CENTS / 100 }).error).to.equal(undefined);
    for (const [bad, pattern] of [
      [0, /positive/],
      [-1, /positive/],
      [1.234, /two decimals/],
      ['1e-3', /two decimals/],
      [MAX_MOVE_CENTS / 100 + 0.01, /less than or equal/],
      ['abc', /must be a number/],
      [null, /must be a number/],
    ] as const) {
      expect(schema.validate({ amount: bad }).error?.message, String(bad)).to.match(pattern);
    }
  });
});

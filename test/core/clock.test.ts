import { expect } from 'chai';
import { ManualClock } from '../../app/core/clock';

describe('ManualClock', () => {
  it('stands still while real time passes, and moves exactly by advance', () => {
    const clock = new ManualClock();
    const start = clock.now();
    const realStart = Date.now();
    while (Date.now() < realStart + 3) {
      // let a few real milliseconds go by
    }
    expect(clock.now()).to.equal(start);
    clock.advance(999);
    expect(clock.now()).to.equal(start + 999);
  });

  it('starts where it is told to', () => {
    expect(new ManualClock(1_700_000_000_000).now()).to.equal(1_700_000_000_000);
  });
});

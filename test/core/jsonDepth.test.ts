import { expect } from 'chai';
import { nestsDeeperThan } from '../../app/core/jsonDepth';

describe('core/jsonDepth nestsDeeperThan', () => {
  it('counts arrays and objects opened inside each other', () => {
    expect(nestsDeeperThan('[[[1]]]', 3)).to.equal(false);
    expect(nestsDeeperThan('[[[[1]]]]', 3)).to.equal(true);
    expect(nestsDeeperThan('{"a":{"b":[{"c":1}]}}', 3)).to.equal(true);
    expect(nestsDeeperThan('[[1],[2],[3],[4],[5]]', 2)).to.equal(false);
  });

  it('ignores brackets inside strings, escaped quotes included', () => {
    expect(nestsDeeperThan(JSON.stringify(['[[[[', '\\"{{{{', '"[[[[', '\\']), 1)).to.equal(false);
    expect(nestsDeeperThan(JSON.stringify(['\\', '\\"', [[1]]]), 2)).to.equal(true);
  });

  it('refuses half a megabyte of opening brackets without building anything', () => {
    expect(nestsDeeperThan(`{"x":${'['.repeat(500_000)}`, 32)).to.equal(true);
  });
});

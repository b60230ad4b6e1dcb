import { expect } from 'chai';
import { parseOptions, selects } from '../../../scripts/bench/options';

describe('scripts/bench/options', () => {
  const env = { BENCH_PIN: '0' };

  it('--only takes keys, families and groups; a family leaves out the worker comparison', () => {
    const only = (list: string) => parseOptions(['--only', list], env).only;
    expect(selects(only('news'), 'news-1m')).to.equal(true);
    expect(selects(only('news'), 'news-w2')).to.equal(false);
    expect(selects(only('news-1m'), 'news-demo')).to.equal(false);
    expect(selects(only('workers'), 'news-w2')).to.equal(true);
    expect(selects(only('protocol'), 'd')).to.equal(true);
    expect(selects(only('protocol'), 'g')).to.equal(false);
    expect(selects(only('db'), 'nickname-demo')).to.equal(true);
    expect(selects(only('db'), 'g-w1')).to.equal(false);
    expect(selects(parseOptions([], env).only, 'g-w1'), 'all by default').to.equal(true);
    expect(() => parseOptions(['--only', 'newz'], env)).to.throw(/unknown variant/);
  });

  it('--quick shortens rounds unless told otherwise; sizes follow the fixture rows', () => {
    const quick = parseOptions(['--quick', '--duration', '5'], env);
    expect(quick).to.include({ rounds: 1, warmupSec: 1, durationSec: 5 });
    expect(parseOptions([], env)).to.include({ rounds: 3, warmupSec: 3, durationSec: 10, fixtureRows: 1_000_000, dbPrefix: 'yaf_bench' });
    expect([...parseOptions([], env).sizes]).to.deep.equal(['demo', '1m']);
    expect([...parseOptions(['--fixture-rows', '20000'], env).sizes]).to.deep.equal(['demo', '20k']);
    expect([...parseOptions(['--sizes', '1m'], env).sizes]).to.deep.equal(['1m']);
    expect(() => parseOptions(['--db-prefix', 'x; DROP'], env)).to.throw(/db-prefix/);
  });
});

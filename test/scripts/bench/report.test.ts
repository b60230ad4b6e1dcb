import { expect } from 'chai';
import { familyOf, formatTable, verdicts, type Row, type Verdict } from '../../../scripts/bench/report';

function row(variant: string, rps: number, p99 = 5, cpu: number | null = 100): Row {
  return {
    variant,
    label: `${variant} label`,
    rps,
    p99_ms: p99,
    p50_ms: 1,
    requests: rps * 10,
    errors: 0,
    cpu_us_per_req: cpu,
    answer_size_drift: 0,
    raw: { requests: rps * 10, seconds: 10, bytes: 0, non2xx: 0, socket_errors: 0, timeouts: 0, p50_ms: 1, p99_ms: p99, max_ms: p99, exhausted: 0 },
  };
}

const context = { kv: 'redis', connections: 64, large: '1m' };
const byName = (judged: Verdict[], name: string) => {
  const found = judged.find((v) => v.name === name);
  if (!found) throw new Error(`no verdict ${name} in ${judged.map((v) => v.name).join(', ')}`);
  return found;
};
const rowsOf = (...rows: Row[]) => new Map(rows.map((r) => [r.variant, r]));

describe('scripts/bench/report', () => {
  it('judges each database read against (g) at 0.50, the write only as a reference', () => {
    const judged = verdicts(rowsOf(row('g', 10_000), row('news-demo', 5_000), row('goods-demo', 4_999), row('nickname-demo', 1_000)), context);
    expect(byName(judged, '(news-demo)/(g)')).to.include({ value: 0.5, status: 'met' });
    expect(byName(judged, '(goods-demo)/(g)').status).to.equal('not met');
    expect(byName(judged, '(nickname-demo)/(g)')).to.include({ value: 0.1, status: 'n/a' });
    expect(byName(judged, '(order-1m)/(g)').status, 'not measured').to.equal('n/a');
  });

  it('p99 of a read passes at 20 ms, at 64 connections only', () => {
    const rows = rowsOf(row('g', 1), row('user-1m', 1, 20), row('order-1m', 1, 20.01));
    expect(byName(verdicts(rows, context), 'p99 of (user-1m)').status).to.equal('met');
    expect(byName(verdicts(rows, context), 'p99 of (order-1m)').status).to.equal('not met');
    const at32 = byName(verdicts(rows, { ...context, connections: 32 }), 'p99 of (user-1m)');
    expect(at32.status).to.equal('n/a');
    expect(at32.note).to.contain('32 connections');
  });

  it('the large data set within 10 % of the demo data, per method, write included', () => {
    const judged = verdicts(rowsOf(row('news-demo', 1000), row('news-1m', 900), row('nickname-demo', 1000), row('nickname-1m', 899)), context);
    expect(byName(judged, '(news-1m)/(news-demo)')).to.include({ status: 'met' });
    expect(byName(judged, '(nickname-1m)/(nickname-demo)').status).to.equal('not met');
    // The label follows the fixture size.
    const small = verdicts(rowsOf(row('news-demo', 1000), row('news-20k', 1000)), { ...context, large: '20k' });
    expect(byName(small, '(news-20k)/(news-demo)').status).to.equal('met');
  });

  it('two workers give at least 1.8 × one', () => {
    const judged = verdicts(rowsOf(row('g-w1', 1000), row('g-w2', 1800), row('news-w1', 1000), row('news-w2', 1799)), context);
    expect(byName(judged, '(g-w2)/(g-w1)').status).to.equal('met');
    expect(byName(judged, '(news-w2)/(news-w1)').status).to.equal('not met');
  });

  it('the table shows × (g) for pinned rows, not for the unpinned worker rows, and marks what is not met', () => {
    const rows = [row('g', 10_000, 5, 80), row('news-demo', 2_500, 30, 320), row('g-w2', 18_000)];
    const table = formatTable(rows, verdicts(rowsOf(...rows), context));
    const line = (start: string) => table.split('\n').find((l) => l.startsWith(start)) ?? '';
    expect(line('news-demo:')).to.match(/2,500\s+0\.25\s+30\.00\s+1\.00\s+320\.0\s+0\.25\s+0$/);
    expect(line('g-w2:')).to.match(/18,000\s+-\s/);
    expect(line('(news-demo)/(g)')).to.contain('NOT MET');
    expect(line('p99 of (news-demo)')).to.contain('30.00 ms').and.contain('NOT MET');
    // Targets without figures stay out of the table.
    expect(table).not.to.contain('(order-1m)');
    expect(table).to.match(/\(\d+ targets not measured in this run\)/);
  });

  it('families of variant keys', () => {
    expect(['c', 'g', 'news-1m', 'g-w2', 'nickname-demo'].map(familyOf)).to.deep.equal(['c', 'g', 'news', 'g', 'nickname']);
  });
});

import { expect } from 'chai';
import { insertId } from '../../../../../../app/storage/db';
import { seedContent, type SeededContent } from '../../../../../../app/products/app/demo/020_content';
import { startTestServer, type TestClient, type TestServer } from '../../../../../helpers/harness';
import { expectShape } from '../../../../../helpers/shape';

/** The seed's example answer (2.17). */
const EXAMPLE = {
  list: [{ noticeid: 2, title: '清明节假期公告', summary: '清明节将至，平台放假通知。', c_time: '2019-04-19 16:18:04' }],
  total: 2,
  page: 1,
  count: 20,
  isnext: false,
};

describe('notice.list', () => {
  let server: TestServer;
  let client: TestClient;
  let seeded: SeededContent;
  const ids = async (params: Record<string, unknown>) =>
    (await client.call<typeof EXAMPLE>('notice.list', params)).data!.list.map((n) => n.noticeid);

  before(async () => {
    server = await startTestServer({ paging: { pageSize: 2 } });
    client = await server.client('app');
    seeded = await seedContent(server.app);
  });
  after(() => server.stop());

  it('pages the shown notices newest first, in the seed example shape, count = configured page size', async () => {
    const answer = await client.call<typeof EXAMPLE>('notice.list', { platform: 1 });
    expect(answer.code).to.equal(200);
    expectShape(answer.data, EXAMPLE);
    expect(answer.data).to.deep.include({ total: 2, page: 1, count: 2, isnext: false });
    expect(answer.data!.list.map((n) => n.noticeid)).to.deep.equal([seeded.notices.dialog, seeded.notices.shown]);
    expect(answer.data!.list[0].c_time).to.match(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
  });

  it('shows a platform only the notices for it, and pages with isnext', async () => {
    const iosOnly = await insertId(server.app.db('notices').insert({ title: 'iOS', summary: '', body: '', terminal: 2, cur_status: 1 }));
    expect(await ids({ platform: 2 })).to.deep.equal([seeded.notices.dialog, seeded.notices.shown]);
    const first = await client.call<typeof EXAMPLE>('notice.list', { platform: 1, page: 1 });
    expect(first.data).to.deep.include({ total: 3, isnext: true });
    expect(first.data!.list.map((n) => n.noticeid)).to.deep.equal([iosOnly, seeded.notices.dialog]);
    expect(await ids({ platform: 1, page: '2' })).to.deep.equal([seeded.notices.shown]);
  });

  it('refuses a page out of range with 503 naming it', async () => {
    for (const page of [0, 10001, 'x']) {
      const answer = await client.call('notice.list', { page });
      expect(answer.code).to.equal(503);
      expect(answer.msg).to.contain('page');
    }
  });
});

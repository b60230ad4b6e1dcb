import { expect } from 'chai';
import { seedContent, type SeededContent } from '../../../../../../app/products/app/demo/020_content';
import { startTestServer, type TestClient, type TestServer } from '../../../../../helpers/harness';
import { expectShape } from '../../../../../helpers/shape';

/** The seed's example answer (2.22). */
const EXAMPLE = {
  list: [{ news_id: 8, title: 't', intro: 'i', image_url: '', source: '腾讯新闻', c_time: '2019-08-21 20:04:07' }],
  total: 8,
  page: 1,
  count: 20,
  isnext: false,
};
type News = typeof EXAMPLE;

describe('news.list', () => {
  let server: TestServer;
  let client: TestClient;
  let seeded: SeededContent;
  const list = (params: Record<string, unknown> = {}) => client.call<News>('news.list', params);
  const ids = async (params: Record<string, unknown>) => (await list(params)).data!.list.map((n) => n.news_id);

  before(async () => {
    server = await startTestServer();
    client = await server.client('app');
    seeded = await seedContent(server.app);
  });
  after(() => server.stop());

  it('lists every published article newest first in the seed example shape (cat_id defaults to -1)', async () => {
    const answer = await list();
    expect(answer.code).to.equal(200);
    expectShape(answer.data, EXAMPLE);
    expect(answer.data).to.deep.include({ total: 8, page: 1, count: 20, isnext: false });
    expect(answer.data!.list.map((n) => n.news_id)).to.deep.equal([...seeded.news].reverse());
    expect(await ids({ cat_id: -1, page: 2 })).to.deep.equal([]);
  });

  it('a repeated call is answered from the cached text, the same answer as the first', async () => {
    const first = await list({ page: 1 });
    const again = await list({ page: 1 });
    expect(again).to.deep.equal(first);
    expect(again.data!.list).to.have.length(8);
  });

  it("limits to a category's subtree", async () => {
    const [fund1, fund2, stock1, stock2, , , basketball, finance] = seeded.news;
    expect(await ids({ cat_id: seeded.newsCategories['理财资讯'] })).to.deep.equal([finance, stock2, stock1, fund2, fund1]);
    expect(await ids({ cat_id: seeded.newsCategories['基金'] })).to.deep.equal([fund2, fund1]);
    expect(await ids({ cat_id: seeded.newsCategories['篮球'] })).to.deep.equal([basketball]);
  });

  it('leaves out hidden and deleted articles', async () => {
    await server.app.db('news').where({ news_id: seeded.news[0] }).update({ display: 0 });
    await server.app.db('news').where({ news_id: seeded.news[1] }).update({ status: 2 });
    expect(await ids({ cat_id: seeded.newsCategories['基金'] })).to.deep.equal([]);
    expect((await list()).data!.total).to.equal(6);
  });

  it('refuses an unknown, link-type or malformed category with 503', async () => {
    const missing = { code: 503, msg: 'the news category does not exist' };
    expect(await list({ cat_id: 999999 })).to.deep.equal(missing);
    expect(await list({ cat_id: 0 })).to.deep.equal(missing);
    expect(await list({ cat_id: seeded.linkCategories['搜索引擎'] })).to.deep.equal(missing);
    expect((await list({ cat_id: -2 })).msg).to.contain('cat_id');
  });
});

import { expect } from 'chai';
import { seedContent, type SeededContent } from '../../../../../../app/products/app/demo/020_content';
import { startTestServer, type TestClient, type TestServer } from '../../../../../helpers/harness';
import { expectShape } from '../../../../../helpers/shape';

/** The seed's example answer (2.14). */
const EXAMPLE = { list: [{ cat_id: 7, cat_name: '搜索引擎', links: [{ link_name: 'Google', link_url: 'https://www.google.com', image_url: '' }] }] };
type Links = typeof EXAMPLE;

describe('system.link', () => {
  let server: TestServer;
  let client: TestClient;
  let seeded: SeededContent;

  before(async () => {
    server = await startTestServer();
    client = await server.client('app');
  });
  after(() => server.stop());

  it('answers an empty list without links', async () => {
    expect((await client.call('system.link')).data).to.deep.equal({ list: [] });
  });

  it('groups live links under their category, in list order, in the seed example shape', async () => {
    seeded = await seedContent(server.app);
    const answer = await client.call<Links>('system.link');
    expect(answer.code).to.equal(200);
    expectShape(answer.data, EXAMPLE);
    expect(answer.data!.list.map((g) => [g.cat_id, g.links.map((l) => l.link_name)])).to.deep.equal([
      [seeded.linkCategories['搜索引擎'], ['Google', 'Bing', '百度']],
      [seeded.linkCategories['开源社区'], ['GitHub', 'Gitee']],
    ]);
  });

  it('leaves out hidden and deleted links, and the links of a hidden category', async () => {
    await server.app.db('links').where({ link_name: 'Bing' }).update({ display: 0 });
    await server.app.db('links').where({ link_name: '百度' }).update({ status: 2 });
    await server.app.db('categories').where({ cat_id: seeded.linkCategories['开源社区'] }).update({ display: 0 });
    const answer = await client.call<Links>('system.link');
    expect(answer.data!.list.map((g) => [g.cat_name, g.links.map((l) => l.link_name)])).to.deep.equal([['搜索引擎', ['Google']]]);
  });
});

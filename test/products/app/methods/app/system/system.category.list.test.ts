import { expect } from 'chai';
import { CAT_TYPE } from '../../../../../../app/products/app/services/content/categories';
import { seedContent, type SeededContent } from '../../../../../../app/products/app/demo/020_content';
import { startTestServer, type TestClient, type TestServer } from '../../../../../helpers/harness';

describe('system.category.list', () => {
  let server: TestServer;
  let client: TestClient;
  let seeded: SeededContent;
  type Tree = Record<string, { cat_id: number; cat_name: string; parentid: number; cat_code: string; sub: Tree | [] }>;
  const list = (params: Record<string, unknown>) => client.call<Tree>('system.category.list', params);

  before(async () => {
    server = await startTestServer();
    client = await server.client('app');
    seeded = await seedContent(server.app);
  });
  after(() => server.stop());

  it('answers the news tree exactly like the seed example (keys "0_<id>", codes, sub [] on leaves)', async () => {
    const c = seeded.newsCategories;
    const answer = await list({ cat_type: CAT_TYPE.NEWS, parentid: 0 });
    expect(answer.code).to.equal(200);
    const node = (id: number, name: string, parentid: number, cat_code: string, sub: Tree | []) => ({ cat_id: id, cat_name: name, parentid, cat_code, sub });
    const pad = (code: string) => code.padEnd(30, '0');
    expect(answer.data).to.deep.equal({
      [`0_${c['理财资讯']}`]: node(c['理财资讯'], '理财资讯', 0, pad('100'), {
        [`0_${c['基金']}`]: node(c['基金'], '基金', c['理财资讯'], pad('100100'), []),
        [`0_${c['股票']}`]: node(c['股票'], '股票', c['理财资讯'], pad('100101'), []),
      }),
      [`0_${c['体育新闻']}`]: node(c['体育新闻'], '体育新闻', 0, pad('101'), {
        [`0_${c['足球']}`]: node(c['足球'], '足球', c['体育新闻'], pad('101100'), []),
        [`0_${c['篮球']}`]: node(c['篮球'], '篮球', c['体育新闻'], pad('101101'), []),
      }),
    });
  });

  it('answers the subtree under a parent, ordered by listorder then cat_id, "parentid" defaulting to 0', async () => {
    const c = seeded.newsCategories;
    await server.app.db('categories').where({ cat_id: c['基金'] }).update({ listorder: 9 });
    const sub = await list({ cat_type: CAT_TYPE.NEWS, parentid: c['理财资讯'] });
    expect(Object.keys(sub.data!)).to.deep.equal([`0_${c['股票']}`, `0_${c['基金']}`]);
    const links = await list({ cat_type: CAT_TYPE.LINK });
    expect(Object.values(links.data!).map((n) => n.cat_name)).to.deep.equal(['搜索引擎', '开源社区']);
  });

  it('answers {} for a type without categories, hides hidden branches', async () => {
    expect((await list({ cat_type: CAT_TYPE.GOODS })).data).to.deep.equal({});
    await server.app.db('categories').where({ cat_id: seeded.newsCategories['体育新闻'] }).update({ display: 0 });
    expect(Object.keys((await list({ cat_type: CAT_TYPE.NEWS })).data!)).to.deep.equal([`0_${seeded.newsCategories['理财资讯']}`]);
  });

  it('refuses an unknown parent (or one of another type) and a bad cat_type with 503', async () => {
    expect(await list({ cat_type: CAT_TYPE.NEWS, parentid: 99999 })).to.deep.equal({ code: 503, msg: 'the parent category does not exist' });
    expect((await list({ cat_type: CAT_TYPE.LINK, parentid: seeded.newsCategories['理财资讯'] })).code).to.equal(503);
    for (const cat_type of [undefined, 4, 'news']) {
      const answer = await list({ cat_type });
      expect(answer.code).to.equal(503);
      expect(answer.msg).to.contain('cat_type');
    }
  });
});

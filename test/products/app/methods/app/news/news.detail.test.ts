import { expect } from 'chai';
import { seedContent, type SeededContent } from '../../../../../../app/products/app/demo/020_content';
import { startTestServer, type TestClient, type TestServer } from '../../../../../helpers/harness';
import { expectShape } from '../../../../../helpers/shape';

/** The seed's example answer (2.23). */
const EXAMPLE = { news_id: 1, title: 't', intro: 'i', image_url: '', source: 's', c_time: '2019-08-21 19:56:14', content: '<p>c</p>' };

describe('news.detail', () => {
  let server: TestServer;
  let client: TestClient;
  let seeded: SeededContent;

  before(async () => {
    server = await startTestServer();
    client = await server.client('app');
    seeded = await seedContent(server.app);
  });
  after(() => server.stop());

  it('answers a published article with its HTML in the seed example shape, counting a hit', async () => {
    const id = seeded.news[0];
    const answer = await client.call<typeof EXAMPLE>('news.detail', { news_id: id });
    expect(answer.code).to.equal(200);
    expectShape(answer.data, EXAMPLE);
    expect(Object.keys(answer.data!)).to.deep.equal(Object.keys(EXAMPLE));
    expect(answer.data).to.include({ news_id: id, title: '为什么对老鼠的研究并不总能在人类身上重现', source: '中国科学院' });
    expect(answer.data!.content).to.equal('<p>\r\n\t为什么对老鼠的研究并不总能在人类身上重现</p>');
    expect((await server.app.db('news').where({ news_id: id }).first()).hits).to.equal(1);
  });

  it('answers content "" for an article without a body row', async () => {
    await server.app.db('news_data').where({ news_id: seeded.news[1] }).delete();
    expect((await client.call<typeof EXAMPLE>('news.detail', { news_id: seeded.news[1] })).data!.content).to.equal('');
  });

  it('refuses hidden, deleted and unknown articles with 503', async () => {
    await server.app.db('news').where({ news_id: seeded.news[2] }).update({ display: 0 });
    await server.app.db('news').where({ news_id: seeded.news[3] }).update({ status: 2 });
    const missing = { code: 503, msg: 'the news does not exist or has been deleted' };
    for (const news_id of [seeded.news[2], seeded.news[3], 999999]) {
      expect(await client.call('news.detail', { news_id })).to.deep.equal(missing);
    }
    expect((await client.call('news.detail', {})).msg).to.contain('news_id');
  });
});

import { expect } from 'chai';
import { expectPage, ok, refused, useAdminServer } from '../../../../../helpers/admin';
import { statementsDuring } from '../../../../../helpers/queries';
import { expectShape } from '../../../../../helpers/shape';

const SEED_NEWS = { news_id: 1, title: '', intro: '', image_url: '', source: '', c_time: '' };

describe('admin news.*', () => {
  const t = useAdminServer(2);
  let newsCat: number;

  before(async () => {
    newsCat = ok(await t.admin<{ cat_id: number }>('category.add', { cat_type: 1, cat_name: 'Tech' })).cat_id;
  });

  const article = { title: 'Launch', intro: 'We launched', source: 'Desk', image_url: 'https://img.test/n.png' };

  it('news.add stores sanitised HTML; the app lists it and shows the clean content', async () => {
    const dirty = '<p onclick="steal()">Hello</p><script>alert(1)</script><a href="javascript:alert(2)">more</a>';
    const { news_id: newsId } = ok(await t.admin<{ news_id: number }>('news.add', { cat_id: newsCat, content: dirty, ...article }));
    expect(newsId).to.be.a('number');
    const clean = '<p>Hello</p><a>more</a>';
    expect(await t.server.app.db('news_data').where({ news_id: newsId }).first()).to.include({ content: clean });
    expect(await t.server.app.db('news').where({ news_id: newsId }).first()).to.include({ cat_id: newsCat, title: 'Launch', status: 1, display: 1, c_by: 2 });

    const listed = ok(await t.app.call<{ list: Array<typeof SEED_NEWS> }>('news.list', { cat_id: newsCat }));
    expect(listed.list).to.have.length(1);
    expectShape(listed.list[0], SEED_NEWS, 'news');
    expect(listed.list[0]).to.include({ news_id: newsId, ...article });
    const detail = ok(await t.app.call<{ content: string }>('news.detail', { news_id: newsId }));
    expect(detail.content).to.equal(clean);

    const page = ok(await t.adminClient.call('news.list', { cat_id: newsCat }));
    expectPage(page, t.server.config.paging.pageSize);
    expect(page.list[0]).to.include({ news_id: newsId, content: clean });
  });

  it('news.list is answered from the KV store until the back office writes news or categories', async () => {
    const { news_id: newsId } = ok(await t.admin<{ news_id: number }>('news.add', { cat_id: newsCat, title: 'Cached', content: '<p>c</p>' }));
    const titles = async () => ok(await t.app.call<{ list: Array<{ news_id: number; title: string }> }>('news.list', { cat_id: newsCat })).list.find((n) => n.news_id === newsId)?.title;
    expect(await titles()).to.equal('Cached');
    const newsQueries = (sql: string[]) => sql.filter((q) => /\bnews\b/.test(q));
    expect(newsQueries(await statementsDuring(t.server.app.db, titles))).to.deep.equal([]);
    // Reading an article counts a hit, which no list shows: the list stays cached.
    ok(await t.app.call('news.detail', { news_id: newsId }));
    expect(newsQueries(await statementsDuring(t.server.app.db, titles))).to.deep.equal([]);
    ok(await t.admin('news.edit', { news_id: newsId, title: 'Renamed' }));
    expect(await titles()).to.equal('Renamed');
    ok(await t.admin('news.delete', { news_id: newsId }));
    expect(await titles()).to.equal(undefined);
  });

  it("the review's split-tag payloads reach the app as text, never as a live tag (issue 9, finding 1)", async () => {
    const content = '<p>a</p><im<x>g src="x" onerror="alert(document.domain)"><scr<x>ipt>alert(1)</scr<x>ipt>';
    const { news_id: newsId } = ok(await t.admin<{ news_id: number }>('news.add', { cat_id: newsCat, content, ...article }));
    const detail = ok(await t.app.call<{ content: string }>('news.detail', { news_id: newsId }));
    expect(detail.content).to.match(/^<p>a<\/p>/);
    expect(detail.content).not.to.match(/<img|<script|<[^>]*onerror/i);
  });

  it('hiding a category hides its articles from news.list and news.detail', async () => {
    const hiddenCat = ok(await t.admin<{ cat_id: number }>('category.add', { cat_type: 1, cat_name: 'Soon hidden' })).cat_id;
    const { news_id: newsId } = ok(await t.admin<{ news_id: number }>('news.add', { cat_id: hiddenCat, title: 'Teaser', content: '<p>x</p>' }));
    const listedIds = async () => ok(await t.app.call<{ list: Array<{ news_id: number }> }>('news.list', {})).list.map((n) => n.news_id);
    expect(await listedIds()).to.include(newsId);
    ok(await t.admin('category.edit', { cat_id: hiddenCat, display: 0 }));
    expect(await listedIds()).not.to.include(newsId);
    expect((await t.app.call('news.detail', { news_id: newsId })).code).to.equal(503);
  });

  it('news.edit replaces the content (sanitised again) and fields; news.delete hides it from the app', async () => {
    const { news_id: newsId } = ok(await t.admin<{ news_id: number }>('news.add', { cat_id: newsCat, title: 'Draft', content: '<p>v1</p>' }));
    ok(await t.admin('news.edit', { news_id: newsId, content: '<p>v2</p><style>p{}</style>', title: 'Final' }));
    expect(await t.server.app.db('news_data').where({ news_id: newsId }).first()).to.include({ content: '<p>v2</p>' });
    expect(ok(await t.app.call<{ title: string }>('news.detail', { news_id: newsId })).title).to.equal('Final');

    ok(await t.admin('news.edit', { news_id: newsId, intro: 'only the intro' }));
    expect(await t.server.app.db('news_data').where({ news_id: newsId }).first()).to.include({ content: '<p>v2</p>' });

    ok(await t.admin('news.delete', { news_id: newsId }));
    expect((await t.app.call('news.detail', { news_id: newsId })).code).to.equal(503);
    refused(await t.admin('news.delete', { news_id: newsId }), /news does not exist/);
  });

  it('refuses a category that is not a news category and a missing content', async () => {
    const linkCat = ok(await t.admin<{ cat_id: number }>('category.add', { cat_type: 2, cat_name: 'Links' })).cat_id;
    refused(await t.admin('news.add', { cat_id: linkCat, title: 'x', content: 'x' }), /not a news category/);
    refused(await t.admin('news.add', { cat_id: newsCat, title: 'x' }), /content/);
    refused(await t.admin('news.add', { cat_id: newsCat, title: 'x'.repeat(51), content: 'x' }), /title/);
    refused(await t.admin('category.delete', { cat_id: newsCat }), /still has content/);
  });
});

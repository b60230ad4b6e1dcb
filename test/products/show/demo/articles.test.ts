import { expect } from 'chai';
import { seedDemoData } from '../../../../app/platform/demo';
import { userDirectory } from '../../../../app/platform/identity/users';
import { SHOW_DEMO_USER } from '../../../../app/products/show/demo/010_people';
import { DEMO_ARTICLES, seed } from '../../../../app/products/show/demo/020_articles';
import { expectPaged, ok, useShowServer } from '../helpers';

describe('show demo: 020_articles', () => {
  const show = useShowServer();
  const count = async (table: string) => Number((await show.server.app.db(table).count({ n: '*' }))[0].n);

  it('writes nothing without the demo people of 010_people', async () => {
    await seed(show.server.app);
    expect(await count('show_articles')).to.equal(0);
  });

  it('30 articles with 1–9 pictures, 150 likes, 60 collects, 80 comments, counters equal to the rows; every article list answers for the demo user', async () => {
    await seedDemoData(show.server.app);
    const db = show.server.app.db;
    expect(await count('show_articles')).to.equal(DEMO_ARTICLES.articles);
    expect(await count('show_article_likes')).to.equal(DEMO_ARTICLES.likes);
    expect(await count('show_article_collects')).to.equal(DEMO_ARTICLES.collects);
    expect(await count('show_article_comments')).to.equal(DEMO_ARTICLES.comments);
    for (const row of await db('show_articles')) {
      expect(JSON.parse(row.images)).to.have.length.within(1, 9);
      for (const [counter, table] of [['like_count', 'show_article_likes'], ['collect_count', 'show_article_collects'], ['comment_count', 'show_article_comments']]) {
        expect(row[counter], counter).to.equal(Number((await db(table).where({ article_id: row.id }).count({ n: '*' }))[0].n));
      }
    }
    const blockedComments = await db('show_article_comments as c').join('show_articles as a', 'a.id', 'c.article_id').join('show_blocks as b', function () {
      this.on('b.user_id', 'a.user_id').andOn('b.to_user_id', 'c.user_id');
    });
    expect(blockedComments, 'no comment from someone the author blocks').to.deep.equal([]);

    const { token } = ok<{ token: string }>(await show.client.call('user.login', { country: SHOW_DEMO_USER.country, phone: SHOW_DEMO_USER.phone, password: SHOW_DEMO_USER.password }));
    const call = async <T>(method: string, params: Record<string, unknown> = {}) => ok<T>(await show.client.call<T>(method, params, { token }));
    const demoId = (await show.server.app.use(userDirectory).byMobile(SHOW_DEMO_USER.phone))!.id;
    const hidden = Number((await db('show_articles').whereIn('user_id', db('show_blocks').select('to_user_id').where({ user_id: demoId })).count({ n: '*' }))[0].n);
    const feed = expectPaged(await call('article.list'), 'article_list', DEMO_ARTICLES.articles - hidden, true) as Array<{ images: string[] }>;
    expect((await fetch(`${show.server.url}${new URL(feed[0].images[0]).pathname}`)).status, 'the pictures are served').to.equal(200);
    expect((await call<{ total: number }>('following.article.list')).total).to.be.greaterThan(0);
    const mine = expectPaged(await call('my.article.list'), 'my_article_list', 3, false) as Array<{ article_id: string; comment_count: number }>;
    const commented = mine.find((a) => a.comment_count > 0);
    expect(commented, "the demo user's notes have comments").to.not.equal(undefined);
    const detail = await call<{ article_comment_list: unknown[] }>('article.detail', { article_id: commented!.article_id });
    expect(detail.article_comment_list).to.have.length(commented!.comment_count);
    expect((await call<{ total: number }>('article.comment.list', { article_id: commented!.article_id })).total).to.equal(commented!.comment_count);
  });
});

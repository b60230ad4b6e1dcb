import { expect } from 'chai';
import { DEMO_ARTICLES, SHOW_DEMO_PHONES, seed } from '../../../../app/products/show/demo/020_articles';
import type { ShowUser } from '../helpers';
import { expectPaged, useShowServer } from '../helpers';

describe('show demo articles (020_articles)', () => {
  const show = useShowServer();
  const count = async (table: string) => Number((await show.server.app.db(table).count({ n: '*' }))[0].n);

  it('writes nothing without the demo people of 010_people', async () => {
    await seed(show.server.app);
    expect(await count('show_articles')).to.equal(0);
  });

  it('30 articles with 1–9 pictures, 150 likes, 60 collects, 80 comments, counters equal to the rows; every article list non-empty for the demo user', async () => {
    const people: ShowUser[] = [];
    for (const mobile of SHOW_DEMO_PHONES) people.push(await show.person({ mobile }));
    const [demo] = people;
    for (const followed of people.slice(1, 5)) await show.as(demo, 'sns.follow', { to_uid: followed.uid });
    await show.as(people[6], 'sns.block', { to_uid: people[7].uid });
    await seed(show.server.app);

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
    const blockedComments = await db('show_article_comments as c').join('show_articles as a', 'a.id', 'c.article_id').where({ 'a.user_id': people[6].id, 'c.user_id': people[7].id });
    expect(blockedComments).to.deep.equal([]);

    const feed = expectPaged(await show.as(demo, 'article.list'), 'article_list', DEMO_ARTICLES.articles, true) as Array<{ images: string[] }>;
    // The pictures are served.
    expect((await fetch(`${show.server.url}${new URL(feed[0].images[0]).pathname}`)).status).to.equal(200);
    expect((await show.as<{ total: number }>(demo, 'following.article.list')).total).to.be.greaterThan(0);
    expect((await show.as<{ total: number }>(demo, 'my.article.list')).total).to.equal(3);
    // The demo user's notes have comments to show.
    const commented = await db('show_articles').where({ user_id: demo.id }).andWhere('comment_count', '>', 0).first('id');
    expect(commented).to.not.equal(undefined);
    const detail = await show.as<{ article_comment_list: unknown[] }>(demo, 'article.detail', { article_id: String(commented.id) });
    expect(detail.article_comment_list).to.have.length.above(0);
  });
});

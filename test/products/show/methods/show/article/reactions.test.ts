import { expect } from 'chai';
import { refused, useShowServer, type ShowUser } from '../../../helpers';

const REACTIONS = [
  { verb: 'like', undo: 'unlike', table: 'show_article_likes', counter: 'like_count' },
  { verb: 'collect', undo: 'uncollect', table: 'show_article_collects', counter: 'collect_count' },
] as const;

describe('show article likes and collects: idempotent, counters equal to their rows under parallel calls', () => {
  const show = useShowServer();
  const db = () => show.server.app.db;

  const publish = async (who: ShowUser): Promise<string> => (await show.as<{ article_id: string }>(who, 'article.publish', { content: 'note' })).article_id;
  const counters = async (id: string) =>
    (await db()('show_articles').where({ id: Number(id) }).first('like_count', 'collect_count', 'comment_count')) as Record<string, number>;
  const rowsIn = async (table: string, id: string) => Number((await db()(table).where({ article_id: Number(id) }).count({ n: '*' }))[0].n);

  for (const { verb, undo, table, counter } of REACTIONS) {
    it(`article.${verb} / article.${undo}: {} each time, the row and ${counter} change once, repeats change nothing`, async () => {
      const [author, fan] = [await show.person(), await show.person()];
      const id = await publish(author);
      for (let i = 0; i < 2; i++) expect(await show.as(fan, `article.${verb}`, { article_id: id })).to.deep.equal({});
      expect(await db()(table).where({ article_id: Number(id) }).select('user_id')).to.deep.equal([{ user_id: fan.id }]);
      expect((await counters(id))[counter]).to.equal(1);
      // The author may react to their own article too.
      await show.as(author, `article.${verb}`, { article_id: id });
      expect((await counters(id))[counter]).to.equal(2);
      for (let i = 0; i < 2; i++) expect(await show.as(fan, `article.${undo}`, { article_id: id })).to.deep.equal({});
      expect(await rowsIn(table, id)).to.equal(1);
      expect((await counters(id))[counter]).to.equal(1);
      const untouched = REACTIONS.find((r) => r.verb !== verb)!;
      expect((await counters(id))[untouched.counter]).to.equal(0);
    });

    it(`article.${verb} / article.${undo}: 503 article not found for an unknown or deleted article, nothing written`, async () => {
      const [author, fan] = [await show.person(), await show.person()];
      const id = await publish(author);
      await show.as(fan, `article.${verb}`, { article_id: id });
      await show.as(author, 'article.del', { article_id: id });
      for (const method of [verb, undo]) {
        refused(await show.raw(fan, `article.${method}`, { article_id: '99999999' }), /^article not found$/);
        refused(await show.raw(author, `article.${method}`, { article_id: id }), /^article not found$/);
        refused(await show.raw(fan, `article.${method}`, { article_id: id }), /^article not found$/);
        refused(await show.raw(fan, `article.${method}`, {}), /article_id/);
      }
      expect(await rowsIn(table, id)).to.equal(1);
      expect(await db()(table).where({ article_id: 99999999 }).first()).to.equal(undefined);
    });
  }

  it('counter race: parallel signed likes, unlikes, collects, uncollects, comments and comment deletes leave every counter equal to COUNT(*) of its rows', async () => {
    const author = await show.person();
    const fans: ShowUser[] = [];
    for (let i = 0; i < 6; i++) fans.push(await show.person());
    const id = await publish(author);
    // Some comments to delete while others are being written.
    const existing: Array<{ who: ShowUser; commentId: string }> = [];
    for (const who of fans) {
      existing.push({ who, commentId: (await show.as<{ article_comment_id: string }>(who, 'article.comment.publish', { article_id: id, content: 'before' })).article_comment_id });
    }
    for (const who of fans.slice(0, 3)) await show.as(who, 'article.like', { article_id: id });

    const verbs = ['article.like', 'article.unlike', 'article.like', 'article.collect', 'article.uncollect', 'article.collect', 'article.like', 'article.unlike'];
    const calls: Array<Promise<{ code: number; msg: string }>> = [];
    for (let i = 0; i < 36; i++) {
      const who = fans[i % fans.length];
      calls.push(show.raw(who, verbs[i % verbs.length], { article_id: id }));
    }
    for (const [i, { who, commentId }] of existing.entries()) {
      calls.push(show.raw(who, 'article.comment.publish', { article_id: id, content: `during ${i}` }));
      // The author deletes some of them too: one of the two deletes of a comment finds it gone.
      calls.push(show.raw(i % 2 ? author : who, 'article.comment.del', { article_comment_id_list: [commentId] }));
      if (i % 3 === 0) calls.push(show.raw(author, 'article.comment.del', { article_comment_id_list: [commentId] }));
    }
    const answers = await Promise.all(calls);
    for (const answer of answers.slice(0, 36)) expect(answer.code, answer.msg).to.equal(200);
    for (const answer of answers.slice(36)) expect(answer.code, answer.msg).to.be.oneOf([200, 503]);

    const after = await counters(id);
    expect(after.like_count).to.equal(await rowsIn('show_article_likes', id));
    expect(after.collect_count).to.equal(await rowsIn('show_article_collects', id));
    expect(after.comment_count).to.equal(await rowsIn('show_article_comments', id));
    // Every comment written during the race stayed, every one deleted went exactly once.
    expect(after.comment_count).to.equal(fans.length);
    expect(after.like_count).to.be.within(0, fans.length);

    // All of them liking at once (twice each) gives exactly one row each; all unliking at once, none.
    await Promise.all(fans.flatMap((who) => [show.raw(who, 'article.like', { article_id: id }), show.raw(who, 'article.like', { article_id: id })]));
    expect(await counters(id)).to.include({ like_count: fans.length });
    expect(await rowsIn('show_article_likes', id)).to.equal(fans.length);
    await Promise.all(fans.flatMap((who) => [show.raw(who, 'article.unlike', { article_id: id }), show.raw(who, 'article.unlike', { article_id: id })]));
    expect(await counters(id)).to.include({ like_count: 0 });
    expect(await rowsIn('show_article_likes', id)).to.equal(0);
  });
});

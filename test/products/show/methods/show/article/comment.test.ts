import { expect } from 'chai';
import { expectPaged, refused, useShowServer, type ShowUser } from '../../../helpers';

describe('show article comments: publish, list, del', () => {
  const show = useShowServer();
  const db = () => show.server.app.db;

  const publish = async (who: ShowUser): Promise<string> => (await show.as<{ article_id: string }>(who, 'article.publish', { content: 'note' })).article_id;
  const comment = async (who: ShowUser, articleId: string, content = 'hi'): Promise<string> =>
    (await show.as<{ article_comment_id: string }>(who, 'article.comment.publish', { article_id: articleId, content })).article_comment_id;
  const commentCount = async (id: string) => Number((await db()('show_articles').where({ id: Number(id) }).first('comment_count')).comment_count);
  const commentRows = async (id: string) => Number((await db()('show_article_comments').where({ article_id: Number(id) }).count({ n: '*' }))[0].n);

  it('article.comment.publish stores the comment and counts it; answers article_comment_id', async () => {
    const [author, reader] = [await show.person(), await show.person()];
    const id = await publish(author);
    const data = await show.as<{ article_comment_id: string }>(reader, 'article.comment.publish', { article_id: id, content: '  好看  ' });
    expect(data).to.have.all.keys('article_comment_id');
    expect(await db()('show_article_comments').where({ id: Number(data.article_comment_id) }).first()).to.include({ article_id: Number(id), user_id: reader.id, content: '好看' });
    await comment(author, id, 'x'.repeat(500));
    expect(await commentCount(id)).to.equal(2);
  });

  it('article.comment.publish refuses bad text, an unknown article and a commenter the author blocks, writing nothing', async () => {
    const [author, blocked, blocker] = [await show.person(), await show.person(), await show.person()];
    const id = await publish(author);
    await show.as(author, 'sns.block', { to_uid: blocked.uid });
    await show.as(blocker, 'sns.block', { to_uid: author.uid });
    refused(await show.raw(blocked, 'article.comment.publish', { article_id: id, content: 'let me in' }), /^blocked by this user$/);
    refused(await show.raw(author, 'article.comment.publish', { article_id: id, content: 'x'.repeat(501) }), /content/);
    refused(await show.raw(author, 'article.comment.publish', { article_id: id, content: ' ' }), /content/);
    refused(await show.raw(author, 'article.comment.publish', { article_id: '99999999', content: 'hi' }), /^article not found$/);
    expect(await commentRows(id)).to.equal(0);
    expect(await commentCount(id)).to.equal(0);
    // A block works one way: the blocker may still comment on the article of the one they block.
    await comment(blocker, id);
    expect(await commentCount(id)).to.equal(1);
  });

  it('article.comment.list: AComment newest first, paged; 503 for an unknown or deleted article', async () => {
    const [author, a, b] = [await show.person(), await show.person(), await show.person()];
    const id = await publish(author);
    const first = await comment(a, id, 'first');
    show.server.clock.advance(2000);
    const second = await comment(b, id, 'second');
    const third = await comment(a, id, 'third');
    const page = expectPaged(await show.as(author, 'article.comment.list', { article_id: id, limit: 2 }), 'article_comment_list', 3, true);
    expect(page).to.deep.equal([
      { article_comment_id: third, uid: a.uid, content: 'third', created_at: Math.floor(show.server.app.clock.now() / 1000) },
      { article_comment_id: second, uid: b.uid, content: 'second', created_at: Math.floor(show.server.app.clock.now() / 1000) },
    ]);
    const rest = expectPaged(await show.as(author, 'article.comment.list', { article_id: id, limit: 2, offset: 2 }), 'article_comment_list', 3, false);
    expect(rest.map((c) => (c as { article_comment_id: string }).article_comment_id)).to.deep.equal([first]);
    refused(await show.raw(author, 'article.comment.list', { article_id: '99999999' }), /^article not found$/);
    await show.as(author, 'article.del', { article_id: id });
    refused(await show.raw(author, 'article.comment.list', { article_id: id }), /^article not found$/);
  });

  it("article.comment.del: the comment's author or the article's author, across articles, each counter down by its own", async () => {
    const [author, other, reader] = [await show.person(), await show.person(), await show.person()];
    const mine = await publish(author);
    const theirs = await publish(other);
    const onMine = [await comment(reader, mine), await comment(reader, mine), await comment(other, mine)];
    const onTheirs = [await comment(author, theirs), await comment(reader, theirs)];
    // The article's author removes anyone's comment on it, and their own comment on another article.
    expect(await show.as(author, 'article.comment.del', { article_comment_id_list: [onMine[0], onMine[2], onTheirs[0]] })).to.deep.equal({});
    expect(await db()('show_article_comments').whereIn('id', [...onMine, ...onTheirs].map(Number)).pluck('id')).to.have.members([Number(onMine[1]), Number(onTheirs[1])]);
    expect(await commentCount(mine)).to.equal(1);
    expect(await commentCount(theirs)).to.equal(1);
    // The comment's author removes their own comment.
    await show.as(reader, 'article.comment.del', { article_comment_id_list: [onTheirs[1]] });
    expect(await commentCount(theirs)).to.equal(0);
  });

  it('article.comment.del is all-or-nothing: one comment not found or not the caller\'s refuses the whole list', async () => {
    const [author, reader, stranger] = [await show.person(), await show.person(), await show.person()];
    const id = await publish(author);
    const [a, b] = [await comment(reader, id), await comment(stranger, id)];
    refused(await show.raw(reader, 'article.comment.del', { article_comment_id_list: [a, b] }), /^comment not found or not yours$/);
    refused(await show.raw(reader, 'article.comment.del', { article_comment_id_list: [a, '99999999'] }), /^comment not found or not yours$/);
    refused(await show.raw(stranger, 'article.comment.del', { article_comment_id_list: [a] }), /^comment not found or not yours$/);
    expect(await commentRows(id)).to.equal(2);
    expect(await commentCount(id)).to.equal(2);
    refused(await show.raw(reader, 'article.comment.del', { article_comment_id_list: [] }), /article_comment_id_list/);
    refused(await show.raw(reader, 'article.comment.del', { article_comment_id_list: Array.from({ length: 101 }, (_, i) => String(i + 1)) }), /article_comment_id_list/);
    // Once deleted, a second delete of the same comment is refused.
    await show.as(reader, 'article.comment.del', { article_comment_id_list: [a] });
    refused(await show.raw(reader, 'article.comment.del', { article_comment_id_list: [a] }), /^comment not found or not yours$/);
    // A deleted article's comments are gone with it.
    await show.as(author, 'article.del', { article_id: id });
    refused(await show.raw(author, 'article.comment.del', { article_comment_id_list: [b] }), /^comment not found or not yours$/);
    expect(await commentCount(id)).to.equal(await commentRows(id));
  });
});

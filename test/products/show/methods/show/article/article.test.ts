import { expect } from 'chai';
import type { Article } from '../../../../../../app/products/show/services/articles';
import { expectPaged, refused, useShowServer, type ShowUser } from '../../../helpers';

const ARTICLE_KEYS = ['article_id', 'uid', 'content', 'images', 'created_at', 'like_count', 'collect_count', 'comment_count'];

describe('show article methods: publish, del, detail and the three feeds', () => {
  const show = useShowServer();

  const publish = async (who: ShowUser, content: string, images: unknown[] = []): Promise<string> =>
    (await show.as<{ article_id: string }>(who, 'article.publish', { content, images })).article_id;
  const rowOf = (id: string) => show.server.app.db('show_articles').where({ id: Number(id) }).first();
  const articleCount = async () => Number((await show.server.app.db('show_articles').count({ n: '*' }))[0].n);

  it('article.publish stores the text and the absolute URLs of the images, given as file ids or our URLs', async () => {
    const author = await show.person();
    const [a, b] = [await show.image(author), await show.image(author)];
    const data = await show.as<{ article_id: string }>(author, 'article.publish', { content: '  今日穿搭  ', images: [a.fileId, b.url] });
    expect(data).to.have.all.keys('article_id');
    expect(data.article_id).to.match(/^\d+$/);
    const row = await rowOf(data.article_id);
    expect(row).to.include({ user_id: author.id, content: '今日穿搭', like_count: 0, collect_count: 0, comment_count: 0, deleted_at: 0 });
    expect(JSON.parse(row.images)).to.deep.equal([a.url, b.url]);
    expect(a.url).to.match(/^https?:\/\/.+\/files\//);
    // Text only is fine too.
    expect(JSON.parse((await rowOf(await publish(author, 'no pictures'))).images)).to.deep.equal([]);
  });

  it('article.publish refuses a foreign or unknown image, a foreign URL, ten images and bad text, writing nothing', async () => {
    const author = await show.person();
    const stranger = await show.person();
    const theirs = await show.image(stranger);
    const mine = await show.image(author);
    const before = await articleCount();
    refused(await show.raw(author, 'article.publish', { content: 'x', images: [mine.fileId, theirs.fileId] }), /images\[1\]: image not yours/);
    refused(await show.raw(author, 'article.publish', { content: 'x', images: ['99999999'] }), /images\[0\]: image not found/);
    refused(await show.raw(author, 'article.publish', { content: 'x', images: ['https://evil.example/files/a.png'] }), /images\[0\]/);
    refused(await show.raw(author, 'article.publish', { content: 'x', images: Array(10).fill(mine.fileId) }), /images/);
    refused(await show.raw(author, 'article.publish', { content: '   ' }), /content/);
    refused(await show.raw(author, 'article.publish', { content: 'x'.repeat(2001) }), /content/);
    refused(await show.raw(author, 'article.publish', {}), /content/);
    expect(await articleCount()).to.equal(before);
    // Nine is the most, and the limit holds exactly.
    expect(await publish(author, 'x'.repeat(2000), Array(9).fill(mine.fileId))).to.match(/^\d+$/);
  });

  it('article.list: newest first with the exact Article keys, paged, without deleted articles or authors the caller blocks', async () => {
    const reader = await show.person();
    const blocked = await show.person();
    const author = await show.person();
    const hiddenId = await publish(blocked, 'hidden from the reader');
    const ids = [await publish(author, 'one'), await publish(author, 'two'), await publish(author, 'three')];
    const gone = await publish(author, 'deleted');
    await show.as(author, 'article.del', { article_id: gone });
    await show.as(reader, 'sns.block', { to_uid: blocked.uid });

    const live = Number((await show.server.app.db('show_articles').where({ deleted_at: 0 }).count({ n: '*' }))[0].n);
    const first = expectPaged(await show.as(reader, 'article.list', { limit: 2 }), 'article_list', live - 1, true) as Article[];
    expect(first.map((a) => a.article_id)).to.deep.equal([ids[2], ids[1]]);
    expect(first[0]).to.have.all.keys(...ARTICLE_KEYS);
    expect(first[0]).to.deep.include({ uid: author.uid, content: 'three', images: [], like_count: 0, collect_count: 0, comment_count: 0 });
    expect(first[0].created_at).to.equal(Math.floor(show.server.app.clock.now() / 1000));
    const all = expectPaged(await show.as(reader, 'article.list', { limit: 100 }), 'article_list', live - 1, false) as Article[];
    expect(all.map((a) => a.article_id)).to.include(ids[0]).and.not.include(hiddenId).and.not.include(gone);
    const last = expectPaged(await show.as(reader, 'article.list', { limit: 1, offset: live - 2 }), 'article_list', live - 1, false);
    expect(last).to.have.length(1);
    // The block hides only for the blocker.
    const others = await show.as<{ article_list: Article[] }>(author, 'article.list', { limit: 100 });
    expect(others.article_list.map((a) => a.article_id)).to.include(hiddenId);
    refused(await show.raw(reader, 'article.list', { limit: 101 }), /limit/);
  });

  it('following.article.list: only the live articles of the people the caller follows, newest first', async () => {
    const reader = await show.person();
    const [followed, other, stranger] = [await show.person(), await show.person(), await show.person()];
    await show.as(reader, 'sns.follow', { to_uid: followed.uid });
    await show.as(reader, 'sns.follow', { to_uid: other.uid });
    await show.as(stranger, 'sns.follow', { to_uid: reader.uid });
    const a = await publish(followed, 'a');
    await publish(stranger, 'not followed');
    const b = await publish(other, 'b');
    const c = await publish(followed, 'c');
    await show.as(followed, 'article.del', { article_id: c });
    const list = expectPaged(await show.as(reader, 'following.article.list'), 'following_article_list', 2, false) as Article[];
    expect(list.map((x) => [x.article_id, x.uid])).to.deep.equal([[b, other.uid], [a, followed.uid]]);
    expect(list[0]).to.have.all.keys(...ARTICLE_KEYS);
    const page = expectPaged(await show.as(reader, 'following.article.list', { limit: 1 }), 'following_article_list', 2, true) as Article[];
    expect(page.map((x) => x.article_id)).to.deep.equal([b]);
    expectPaged(await show.as(followed, 'following.article.list'), 'following_article_list', 0, false);
  });

  it('my.article.list: the caller\'s own live articles as MyArticle (no uid), newest first, paged', async () => {
    const author = await show.person();
    const other = await show.person();
    const image = await show.image(author);
    const first = await publish(author, 'first', [image.fileId]);
    const second = await publish(author, 'second');
    await publish(other, 'not mine');
    const list = expectPaged(await show.as(author, 'my.article.list'), 'my_article_list', 2, false) as Article[];
    expect(list.map((a) => a.article_id)).to.deep.equal([second, first]);
    expect(list[1]).to.have.all.keys(...ARTICLE_KEYS.filter((k) => k !== 'uid'));
    expect(list[1].images).to.deep.equal([image.url]);
    expectPaged(await show.as(author, 'my.article.list', { limit: 1, offset: 1 }), 'my_article_list', 2, false);
  });

  it('article.del: only the author, once; the article then leaves detail, lists and reactions', async () => {
    const author = await show.person();
    const other = await show.person();
    const id = await publish(author, 'to delete');
    refused(await show.raw(other, 'article.del', { article_id: id }), /article not found or not yours/);
    expect((await rowOf(id)).deleted_at).to.equal(0);
    refused(await show.raw(author, 'article.del', { article_id: '99999999' }), /article not found or not yours/);
    refused(await show.raw(author, 'article.del', { article_id: 'abc' }), /article_id/);
    expect(await show.as(author, 'article.del', { article_id: id })).to.deep.equal({});
    expect((await rowOf(id)).deleted_at).to.be.above(0);
    refused(await show.raw(author, 'article.del', { article_id: id }), /article not found or not yours/);
    refused(await show.raw(other, 'article.detail', { article_id: id }), /article not found/);
    refused(await show.raw(other, 'article.like', { article_id: id }), /article not found/);
    refused(await show.raw(other, 'article.comment.publish', { article_id: id, content: 'hi' }), /article not found/);
    expectPaged(await show.as(author, 'my.article.list'), 'my_article_list', 0, false);
  });

  it('article.detail: Article plus is_like, is_collect, the newest likers and collectors, and the comments beside it', async () => {
    const author = await show.person();
    const [fan, reader] = [await show.person(), await show.person()];
    const image = await show.image(author);
    const id = await publish(author, 'detail me', [image.url]);
    await show.as(fan, 'article.like', { article_id: id });
    show.server.clock.advance(1000);
    await show.as(reader, 'article.like', { article_id: id });
    await show.as(fan, 'article.collect', { article_id: id });
    const { article_comment_id: commentId } = await show.as<{ article_comment_id: string }>(reader, 'article.comment.publish', { article_id: id, content: 'nice' });

    const data = await show.as<{ article_detail: Record<string, unknown>; article_comment_list: unknown[] }>(fan, 'article.detail', { article_id: id });
    expect(data).to.have.all.keys('article_detail', 'article_comment_list');
    expect(data.article_detail).to.have.all.keys(...ARTICLE_KEYS, 'is_like', 'is_collect', 'like_uid_list', 'collect_uid_list');
    expect(data.article_detail).to.deep.include({
      article_id: id,
      uid: author.uid,
      content: 'detail me',
      images: [image.url],
      like_count: 2,
      collect_count: 1,
      comment_count: 1,
      is_like: true,
      is_collect: true,
      like_uid_list: [reader.uid, fan.uid],
      collect_uid_list: [fan.uid],
    });
    expect(data.article_comment_list).to.deep.equal([{ article_comment_id: commentId, uid: reader.uid, content: 'nice', created_at: Math.floor(show.server.app.clock.now() / 1000) }]);
    const asAuthor = await show.as<{ article_detail: Record<string, unknown> }>(author, 'article.detail', { article_id: id });
    expect(asAuthor.article_detail).to.include({ is_like: false, is_collect: false });
    refused(await show.raw(author, 'article.detail', { article_id: '99999999' }), /article not found/);
  });

  it('article.detail names at most the 100 newest likers and carries at most the 100 newest comments', async () => {
    const author = await show.person();
    const id = await publish(author, 'popular');
    const db = show.server.app.db;
    const people = [];
    for (let i = 0; i < 101; i++) people.push(await show.person());
    await db('show_article_likes').insert(people.map((p, i) => ({ article_id: Number(id), user_id: p.id, c_time: 1000 + i })));
    await db('show_article_comments').insert(people.map((p, i) => ({ article_id: Number(id), user_id: p.id, content: `c${i}`, c_time: 1000 + i })));
    const data = await show.as<{ article_detail: { like_uid_list: string[] }; article_comment_list: Array<{ content: string }> }>(author, 'article.detail', { article_id: id });
    expect(data.article_detail.like_uid_list).to.have.length(100);
    expect(data.article_detail.like_uid_list[0]).to.equal(people[100].uid);
    expect(data.article_detail.like_uid_list).not.to.include(people[0].uid);
    expect(data.article_comment_list).to.have.length(100);
    expect(data.article_comment_list[0].content).to.equal('c100');
    expect(data.article_comment_list.map((c) => c.content)).not.to.include('c0');
  });
});

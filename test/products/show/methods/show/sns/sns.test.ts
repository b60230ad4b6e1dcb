import { expect } from 'chai';
import { expectPaged, ok, refused, useShowServer, type ShowUser } from '../../../helpers';

describe('show sns: follow, block and the relation lists', () => {
  const show = useShowServer();
  const UNKNOWN = 'f'.repeat(32);

  const rows = (table: string, a: ShowUser, b: ShowUser) => show.server.app.db(table).where({ user_id: a.id, to_user_id: b.id }).select('c_time');
  const follows = async (a: ShowUser, b: ShowUser) => (await rows('show_follows', a, b)).length === 1;
  const blocks = async (a: ShowUser, b: ShowUser) => (await rows('show_blocks', a, b)).length === 1;

  it('sns.follow makes the follow once, however often asked; my.following and my.follower show it', async () => {
    const [me, star] = [await show.person(), await show.person()];
    expect(await show.as(me, 'sns.follow', { to_uid: star.uid })).to.deep.equal({});
    expect(await show.as(me, 'sns.follow', { to_uid: star.uid.toUpperCase() })).to.deep.equal({});
    expect(await show.server.app.db('show_follows').where({ user_id: me.id }).count({ n: '*' })).to.deep.equal([{ n: 1 }]);
    expect(await follows(me, star)).to.equal(true);
    expect(expectPaged(await show.as(me, 'my.following'), 'my_following', 1, false)).to.deep.equal([star.uid]);
    expect(expectPaged(await show.as(star, 'my.follower'), 'my_follower', 1, false)).to.deep.equal([me.uid]);
    expect(expectPaged(await show.as(star, 'my.following'), 'my_following', 0, false)).to.deep.equal([]);
  });

  it('sns.follow / sns.block refuse yourself and an unknown user; the undos refuse an unknown user; bad uids are refused', async () => {
    const me = await show.person();
    for (const method of ['sns.follow', 'sns.block']) {
      refused(await show.raw(me, method, { to_uid: me.uid }), /not allowed on yourself/);
      refused(await show.raw(me, method, { to_uid: UNKNOWN }), /user not found/);
    }
    for (const method of ['sns.unfollow', 'sns.unblock']) refused(await show.raw(me, method, { to_uid: UNKNOWN }), /user not found/);
    for (const to_uid of ['', 'xyz', `${me.uid}0`, 12]) expect((await show.raw(me, 'sns.follow', { to_uid })).code, String(to_uid)).to.equal(503);
    expect((await show.raw(me, 'sns.follow', {})).code).to.equal(503);
    expect(await show.server.app.db('show_follows').where({ user_id: me.id }).count({ n: '*' })).to.deep.equal([{ n: 0 }]);
    expect(await show.server.app.db('show_blocks').where({ user_id: me.id }).count({ n: '*' })).to.deep.equal([{ n: 0 }]);
  });

  it('sns.unfollow ends the follow, and answers {} again when there is none', async () => {
    const [me, star] = [await show.person(), await show.person()];
    await show.as(me, 'sns.follow', { to_uid: star.uid });
    await show.as(star, 'sns.follow', { to_uid: me.uid });
    expect(await show.as(me, 'sns.unfollow', { to_uid: star.uid })).to.deep.equal({});
    expect(await follows(me, star)).to.equal(false);
    expect(await follows(star, me), 'the other direction stays').to.equal(true);
    expect(await show.as(me, 'sns.unfollow', { to_uid: star.uid })).to.deep.equal({});
    expect(expectPaged(await show.as(star, 'my.follower'), 'my_follower', 0, false)).to.deep.equal([]);
  });

  it('sns.block removes the follows both ways; neither side can follow until the block is lifted (decision 14)', async () => {
    const [me, pest, bystander] = [await show.person(), await show.person(), await show.person()];
    await show.as(me, 'sns.follow', { to_uid: pest.uid });
    await show.as(pest, 'sns.follow', { to_uid: me.uid });
    await show.as(bystander, 'sns.follow', { to_uid: me.uid });
    expect(await show.as(me, 'sns.block', { to_uid: pest.uid })).to.deep.equal({});
    expect(await blocks(me, pest)).to.equal(true);
    expect(await follows(me, pest)).to.equal(false);
    expect(await follows(pest, me)).to.equal(false);
    expect(await follows(bystander, me), 'other follows are untouched').to.equal(true);
    expect(await show.as(me, 'sns.block', { to_uid: pest.uid }), 'idempotent').to.deep.equal({});
    expect(expectPaged(await show.as(me, 'my.block'), 'my_block', 1, false)).to.deep.equal([pest.uid]);
    expect(expectPaged(await show.as(pest, 'my.block'), 'my_block', 0, false)).to.deep.equal([]);

    refused(await show.raw(pest, 'sns.follow', { to_uid: me.uid }), /blocked by this user/);
    refused(await show.raw(me, 'sns.follow', { to_uid: pest.uid }), /you block this user/);
    expect(await follows(pest, me)).to.equal(false);
    // The blocked may still block back; the undo of a follow that is gone is fine too.
    ok(await show.raw(pest, 'sns.block', { to_uid: me.uid }));
    ok(await show.raw(pest, 'sns.unfollow', { to_uid: me.uid }));
    ok(await show.raw(pest, 'sns.unblock', { to_uid: me.uid }));

    expect(await show.as(me, 'sns.unblock', { to_uid: pest.uid })).to.deep.equal({});
    expect(await blocks(me, pest)).to.equal(false);
    expect(await show.as(me, 'sns.unblock', { to_uid: pest.uid }), 'idempotent').to.deep.equal({});
    expect(expectPaged(await show.as(me, 'my.block'), 'my_block', 0, false)).to.deep.equal([]);
    ok(await show.raw(pest, 'sns.follow', { to_uid: me.uid }));
    expect(await follows(pest, me)).to.equal(true);
  });

  it('my.follower / my.following / my.block page newest first: limit default 100, at most 500, total and isnext', async () => {
    const me = await show.person();
    const fans: ShowUser[] = [];
    for (let i = 0; i < 3; i++) {
      const fan = await show.person();
      fans.push(fan);
      await show.as(fan, 'sns.follow', { to_uid: me.uid });
      await show.as(me, 'sns.follow', { to_uid: fan.uid });
      await show.as(me, 'sns.block', { to_uid: (await show.person()).uid });
      show.server.clock.advance(1000);
    }
    const newestFirst = fans.map((f) => f.uid).reverse();
    expect(expectPaged(await show.as(me, 'my.follower'), 'my_follower', 3, false)).to.deep.equal(newestFirst);
    expect(expectPaged(await show.as(me, 'my.follower', { limit: 2 }), 'my_follower', 3, true)).to.deep.equal(newestFirst.slice(0, 2));
    expect(expectPaged(await show.as(me, 'my.follower', { limit: 2, offset: 2 }), 'my_follower', 3, false)).to.deep.equal(newestFirst.slice(2));
    expect(expectPaged(await show.as(me, 'my.following', { limit: 1, offset: 1 }), 'my_following', 3, true)).to.deep.equal([newestFirst[1]]);
    expect(expectPaged(await show.as(me, 'my.block', { limit: 500, offset: 3 }), 'my_block', 3, false)).to.deep.equal([]);
    for (const method of ['my.follower', 'my.following', 'my.block']) {
      for (const limit of [0, 501, 'x']) expect((await show.raw(me, method, { limit })).code, `${method} ${limit}`).to.equal(503);
      expect((await show.raw(me, method, { offset: -1 })).code).to.equal(503);
      expect((await show.client.call(method, {})).code, 'needs a token').to.equal(602);
    }
    for (const method of ['sns.follow', 'sns.unfollow', 'sns.block', 'sns.unblock']) {
      expect((await show.client.call(method, { to_uid: me.uid })).code, 'needs a token').to.equal(602);
    }
  });

  it('the default page holds 100 uids', async () => {
    const me = await show.person();
    const fans = await Promise.all(Array.from({ length: 101 }, () => show.person()));
    await show.server.app.db('show_follows').insert(fans.map((f, i) => ({ user_id: f.id, to_user_id: me.id, c_time: 1000 + i })));
    const page = expectPaged(await show.as(me, 'my.follower'), 'my_follower', 101, true);
    expect(page).to.have.length(100);
    expect(page[0]).to.equal(fans[100].uid);
  });

  it('parallel follows and blocks between the same two people never leave a follow beside a block', async () => {
    for (let round = 0; round < 4; round++) {
      const [a, b] = [await show.person(), await show.person()];
      const answers = await Promise.all([
        show.raw(b, 'sns.follow', { to_uid: a.uid }),
        show.raw(a, 'sns.follow', { to_uid: b.uid }),
        show.raw(a, 'sns.block', { to_uid: b.uid }),
        show.raw(b, 'sns.follow', { to_uid: a.uid }),
        show.raw(a, 'sns.follow', { to_uid: b.uid }),
      ]);
      expect(answers[2].code, answers[2].msg).to.equal(200);
      for (const answer of answers) expect(answer.code, answer.msg).to.be.oneOf([200, 503]);
      expect(await blocks(a, b)).to.equal(true);
      expect(await follows(a, b), `round ${round}`).to.equal(false);
      expect(await follows(b, a), `round ${round}`).to.equal(false);
    }
  });
});

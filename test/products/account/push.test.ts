import { expect } from 'chai';
import { expectShape } from '../../helpers/shape';
import { accountUser, ADMIN_ID, expectAccountPage, ok, refusedWith, useAccountServer, type AccountUser } from './helpers';

const CLIENT_EXAMPLE = { id: 3, app_id: '', created_at: '2019-05-23 15:24:40', updated_at: '2019-05-23 15:24:40', user_id: 8, client_id: 'xxxxxxx', client_type: 'android', switch: true };
const LOG_EXAMPLE = { id: 1, app_id: '', created_at: '2019-05-30 00:00:00', updated_at: '2019-05-30 00:00:00', push_title: '推送测试', push_body: '推送测试内容', push_scope: 0, manager_id: 1, push_status: 1 };
const { push_status: _omitted, ...DETAIL_EXAMPLE } = LOG_EXAMPLE;

describe('account: push bindings, staff pushes and the push history (signed calls)', () => {
  const fixture = useAccountServer();
  let alice: AccountUser;
  let bob: AccountUser;
  let carol: AccountUser;

  before(async () => {
    alice = await accountUser(fixture);
    bob = await accountUser(fixture);
    carol = await accountUser(fixture);
  });

  describe('push.bind / push.switch / push.switch.update', () => {
    it('binds a device switched on, reads it back, turns it off', async () => {
      const bound = ok<Record<string, unknown>>(await alice.call('push.bind', { client_id: 'dev-alice', client_type: 'android' }));
      expectShape(bound, CLIENT_EXAMPLE);
      expect(bound).to.include({ user_id: alice.id, client_id: 'dev-alice', client_type: 'android', switch: true, app_id: fixture.account.appid });
      expectShape(ok(await alice.call('push.switch', { client_id: 'dev-alice' })), CLIENT_EXAMPLE);
      expect(ok(await alice.call('push.switch.update', { client_id: 'dev-alice', switch: false }))).to.deep.equal({});
      expect(ok<Record<string, unknown>>(await alice.call('push.switch', { client_id: 'dev-alice' })).switch).to.equal(false);
      // Binding again keeps the user's own choice.
      expect(ok<Record<string, unknown>>(await alice.call('push.bind', { client_id: 'dev-alice', client_type: 'android' })).switch).to.equal(false);
      ok(await alice.call('push.switch.update', { client_id: 'dev-alice', switch: true }));
    });

    it('503 for a device not bound to the caller; bad parameters name themselves', async () => {
      refusedWith(await bob.call('push.switch', { client_id: 'dev-alice' }), 503, /not bound to you/);
      refusedWith(await bob.call('push.switch.update', { client_id: 'dev-alice', switch: false }), 503, /not bound to you/);
      refusedWith(await bob.call('push.bind', { client_id: 'x', client_type: 'windows' }), 503, /client_type/);
      refusedWith(await bob.call('push.bind', { client_id: 'x'.repeat(65), client_type: 'ios' }), 503, /client_id/);
      refusedWith(await bob.call('push.switch.update', { client_id: 'dev-alice' }), 503, /switch/);
      const row = await fixture.server.app.db('account_push_clients').where({ client_id: 'dev-alice' }).first();
      expect(row.switch).to.equal(1);
    });

    it('a device bound by another user moves to them, switched on', async () => {
      ok(await bob.call('push.bind', { client_id: 'shared-phone', client_type: 'ios' }));
      ok(await bob.call('push.switch.update', { client_id: 'shared-phone', switch: false }));
      const moved = ok<Record<string, unknown>>(await carol.call('push.bind', { client_id: 'shared-phone', client_type: 'ios' }));
      expect(moved).to.include({ user_id: carol.id, switch: true });
      refusedWith(await bob.call('push.switch', { client_id: 'shared-phone' }), 503, /not bound to you/);
      const rows = await fixture.server.app.db('account_push_clients').where({ client_id: 'shared-phone' });
      expect(rows).to.have.length(1);
    });

    it('parallel first binds of one device leave one row', async () => {
      const answers = await Promise.all([alice, bob, carol, alice, bob].map((u) => u.call('push.bind', { client_id: 'race-dev', client_type: 'android' })));
      for (const answer of answers) ok(answer);
      expect(await fixture.server.app.db('account_push_clients').where({ client_id: 'race-dev' })).to.have.length(1);
      await fixture.server.app.db('account_push_clients').where({ client_id: 'race-dev' }).delete();
    });
  });

  describe('account.push.send and the history', () => {
    let broadcastId: number;
    let targetedId: number;

    it('scope 0 reaches every bound device of the appid with the switch on, through the outbox', async () => {
      ok(await bob.call('push.bind', { client_id: 'dev-bob', client_type: 'android' }));
      ok(await bob.call('push.switch.update', { client_id: 'dev-bob', switch: false }));
      const sent = ok<{ push_id: number }>(
        await fixture.admin('account.push.send', { app_id: fixture.account.appid, push_title: '推送测试', push_body: '推送测试内容', push_scope: 0 }),
      );
      expect(sent).to.have.all.keys('push_id');
      broadcastId = sent.push_id;
      const lines = fixture.pushOutbox().filter((l) => l.push_id === broadcastId);
      expect(lines.map((l) => l.client_id).sort()).to.deep.equal(['dev-alice', 'shared-phone']);
      expect(lines[0]).to.have.all.keys('client_id', 'client_type', 'title', 'body', 'push_id');
      expect(lines.find((l) => l.client_id === 'shared-phone')).to.include({ client_type: 'ios', title: '推送测试', body: '推送测试内容' });
      const row = await fixture.server.app.db('account_push_logs').where({ id: broadcastId }).first();
      expect(row).to.include({ push_status: 1, sent_count: 2, failed_count: 0, manager_id: ADMIN_ID, push_scope: 0 });
    });

    it('scope 1 reaches only the listed users with the switch on', async () => {
      const sent = ok<{ push_id: number }>(
        await fixture.admin('account.push.send', { app_id: fixture.account.appid, push_title: '给你', push_body: '只给列出的人', push_scope: 1, user_ids: [alice.id, bob.id] }),
      );
      targetedId = sent.push_id;
      const lines = fixture.pushOutbox().filter((l) => l.push_id === targetedId);
      expect(lines.map((l) => l.client_id)).to.deep.equal(['dev-alice']);
      const targets = await fixture.server.app.db('account_push_log_targets').where({ push_log_id: targetedId }).orderBy('user_id');
      expect(targets.map((t) => t.user_id)).to.deep.equal([alice.id, bob.id].sort((a, b) => a - b));
    });

    it('refuses a bad push and writes nothing', async () => {
      const before = (await fixture.server.app.db('account_push_logs')).length;
      refusedWith(await fixture.admin('account.push.send', { push_title: 'x', push_body: 'y', push_scope: 1 }), 503, /user_ids/);
      refusedWith(await fixture.admin('account.push.send', { push_title: 'x', push_body: 'y', push_scope: 1, user_ids: [999_999] }), 503, /no such user/);
      refusedWith(await fixture.admin('account.push.send', { push_title: 'x', push_body: 'y', push_scope: 2 }), 503, /push_scope/);
      refusedWith(await fixture.admin('account.push.send', { push_title: '', push_body: 'y', push_scope: 0 }), 503, /push_title/);
      refusedWith(await fixture.admin('account.push.send', { app_id: 'nope', push_title: 'x', push_body: 'y', push_scope: 0 }), 503, /app_id/);
      expect(await fixture.server.app.db('account_push_logs')).to.have.length(before);
    });

    it('push.log.list shows each user what reached them: broadcasts, and targeted pushes to listed users only', async () => {
      const aliceRows = expectAccountPage(ok(await alice.call('push.log.list')), { total: 2 });
      expect(aliceRows.map((r) => r.id)).to.deep.equal([targetedId, broadcastId]);
      for (const row of aliceRows) expectShape(row, LOG_EXAMPLE);
      expect(aliceRows[0]).to.include({ push_scope: 1, push_status: 1, manager_id: ADMIN_ID });
      const carolRows = expectAccountPage(ok(await carol.call('push.log.list')), { total: 1 });
      expect(carolRows[0].id).to.equal(broadcastId);
      // Another appid of the product sees neither.
      const other = await fixture.server.client('account', { platform: 2 });
      const stranger = await accountUser(fixture, other);
      expectAccountPage(ok(await stranger.call('push.log.list')), { total: 0 });
    });

    it('push.log.detail omits push_status; a push not visible is 503', async () => {
      const detail = ok<Record<string, unknown>>(await alice.call('push.log.detail', { id: targetedId }));
      expectShape(detail, DETAIL_EXAMPLE);
      expect(detail).not.to.have.property('push_status');
      refusedWith(await carol.call('push.log.detail', { id: targetedId }), 503, /push not found/);
      refusedWith(await carol.call('push.log.detail', { id: 999_999 }), 503, /push not found/);
    });

    it('message.count counts visible pushes not among push_ids (decision 7); pending ones are not visible', async () => {
      expect(ok(await alice.call('message.count', { push_ids: [] }))).to.deep.equal({ push_count: 2, feedback_count: 0 });
      expect(ok(await alice.call('message.count', { push_ids: [broadcastId] }))).to.deep.equal({ push_count: 1, feedback_count: 0 });
      expect(ok(await alice.call('message.count', { push_ids: [broadcastId, targetedId, 12345] }))).to.deep.equal({ push_count: 0, feedback_count: 0 });
      refusedWith(await alice.call('message.count', {}), 503, /push_ids/);
      refusedWith(await alice.call('message.count', { push_ids: Array.from({ length: 1001 }, (_, i) => i + 1) }), 503, /push_ids/);
      await fixture.server.app.db('account_push_logs').insert({ app_id: '', push_title: 'p', push_body: 'p', push_scope: 0, manager_id: 1, push_status: 0, c_time: 1, u_time: 1 });
      expect(ok(await carol.call('message.count', { push_ids: [] }))).to.include({ push_count: 1 });
    });

    it('push.log.delete hides for the caller only: the given ids, or everything', async () => {
      refusedWith(await carol.call('push.log.delete', { ids: [targetedId] }), 503, /push not found/);
      expect(ok(await alice.call('push.log.delete', { ids: [broadcastId] }))).to.deep.equal({});
      expectAccountPage(ok(await alice.call('push.log.list')), { total: 1 });
      expectAccountPage(ok(await carol.call('push.log.list')), { total: 1 });
      refusedWith(await alice.call('push.log.detail', { id: broadcastId }), 503, /push not found/);
      ok(await alice.call('push.log.delete'));
      expectAccountPage(ok(await alice.call('push.log.list')), { total: 0 });
      expect(ok(await alice.call('message.count', { push_ids: [] }))).to.include({ push_count: 0 });
      expect(await fixture.server.app.db('account_push_logs').whereIn('id', [broadcastId, targetedId])).to.have.length(2);
      expect(await fixture.server.app.db('account_push_log_hidden').where({ user_id: alice.id })).to.have.length(2);
    });
  });
});

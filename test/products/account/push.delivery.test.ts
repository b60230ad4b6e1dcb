import { expect } from 'chai';
import nock from 'nock';
import { jobRunner } from '../../../app/platform/jobs/runner';
import { accountUser, ok, useAccountServer, type AccountUser } from './helpers';

const JPUSH = { appKey: 'testappkey', masterSecret: 'testmastersecret', apiUrl: 'https://api.jpush.cn/v3/push', apnsProduction: false };

describe('account: pushes through JPush (nock), and large pushes finished by the job', () => {
  const fixture = useAccountServer({ push: { driver: 'jpush', syncLimit: 3, jpush: JPUSH } });
  const users: AccountUser[] = [];

  before(async () => {
    nock.disableNetConnect();
    nock.enableNetConnect('127.0.0.1');
    for (let i = 0; i < 4; i++) users.push(await accountUser(fixture));
    for (const [i, user] of users.entries()) ok(await user.call('push.bind', { client_id: `reg-${i}`, client_type: i % 2 ? 'ios' : 'android' }));
  });
  afterEach(() => nock.cleanAll());
  after(() => {
    nock.cleanAll();
    nock.enableNetConnect();
  });

  const send = (params: Record<string, unknown>) =>
    fixture.admin<{ push_id: number }>('account.push.send', { app_id: fixture.account.appid, push_title: '标题', push_body: '内容', ...params });
  const statusOf = async (id: number) => (await fixture.server.app.db('account_push_logs').where({ id }).first()).push_status as number;

  it('posts the documented push object with Basic auth; sent once JPush answers a msg_id', async () => {
    let seen: { auth: string; body: Record<string, unknown> } | undefined;
    nock('https://api.jpush.cn')
      .post('/v3/push')
      .reply(function (_uri, body) {
        seen = { auth: String(this.req.headers.authorization), body: body as Record<string, unknown> };
        return [200, { sendno: '0', msg_id: '1828256757' }];
      });
    const { push_id } = ok(await send({ push_scope: 1, user_ids: [users[0].id, users[1].id] }));
    expect(seen!.auth).to.equal(`Basic ${Buffer.from('testappkey:testmastersecret').toString('base64')}`);
    expect(seen!.body).to.deep.equal({
      platform: ['android', 'ios'],
      audience: { registration_id: ['reg-0', 'reg-1'] },
      notification: {
        android: { alert: '内容', title: '标题', extras: { push_id } },
        ios: { alert: { title: '标题', body: '内容' }, sound: 'default', extras: { push_id } },
      },
      options: { apns_production: false },
    });
    expect(await statusOf(push_id)).to.equal(1);
  });

  it('a refusal by JPush leaves the push failed, not visible, and the cause only in the log row counts', async () => {
    nock('https://api.jpush.cn').post('/v3/push').reply(400, { error: { code: 1011, message: 'cannot find user by this audience' } });
    const { push_id } = ok(await send({ push_scope: 1, user_ids: [users[2].id] }));
    expect(await statusOf(push_id)).to.equal(2);
    const row = await fixture.server.app.db('account_push_logs').where({ id: push_id }).first();
    expect(row).to.include({ sent_count: 0, failed_count: 1 });
    const page = ok<{ data: Array<{ id: number }> }>(await users[2].call('push.log.list'));
    expect(page.data.map((r) => r.id)).not.to.include(push_id);
  });

  it('over push.syncLimit devices the method answers pending; the job account.push.deliver finishes it', async () => {
    const { push_id } = ok(await send({ push_scope: 0 }));
    expect(await statusOf(push_id)).to.equal(0);
    let devices: string[] = [];
    nock('https://api.jpush.cn')
      .post('/v3/push')
      .reply(200, (_uri, body) => {
        devices = (body as { audience: { registration_id: string[] } }).audience.registration_id;
        return { sendno: '0', msg_id: '2' };
      });
    const run = await fixture.server.app.use(jobRunner).run('account.push.deliver');
    expect(run.counts).to.deep.equal({ delivered: 1 });
    expect(devices).to.deep.equal(['reg-0', 'reg-1', 'reg-2', 'reg-3']);
    expect(await statusOf(push_id)).to.equal(1);
    // Nothing pending: a second run delivers nothing (nock would fail an unexpected request).
    expect((await fixture.server.app.use(jobRunner).run('account.push.deliver')).counts).to.deep.equal({ delivered: 0 });
  });
});

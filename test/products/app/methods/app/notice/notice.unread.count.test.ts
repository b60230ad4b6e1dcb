import { expect } from 'chai';
import { unixSeconds } from '../../../../../../app/core/clock';
import { insertId } from '../../../../../../app/storage/db';
import { startTestServer, type TestClient, type TestServer } from '../../../../../helpers/harness';
import { createTestUser } from '../../../../../helpers/users';

describe('notice.unread.count', () => {
  let server: TestServer;
  let client: TestClient;
  const notice = (c_time: number, extra: Record<string, unknown> = {}) =>
    insertId(server.app.db('notices').insert({ title: 't', summary: 's', body: 'b', terminal: 0, cur_status: 1, c_time, u_time: c_time, ...extra }));
  const count = async (token = '', platform = 1) => {
    const answer = await client.call<{ count: number }>('notice.unread.count', { platform }, { token });
    expect(answer.code).to.equal(200);
    expect(answer.data).to.have.all.keys('count');
    return answer.data!.count;
  };

  before(async () => {
    server = await startTestServer();
    client = await server.client('app');
  });
  after(() => server.stop());

  it('counts shown notices for the platform published since registration, until each is read', async () => {
    const now = unixSeconds(server.clock);
    const user = await createTestUser(server, { registeredAt: now - 100 });
    await notice(now - 200); // before registration
    const a = await notice(now - 50);
    const b = await notice(now - 10);
    await notice(now - 10, { cur_status: 0 });
    await notice(now - 10, { cur_status: 2 });
    await notice(now - 10, { terminal: 1 }); // Android only
    expect(await count(user.token, 1)).to.equal(2);
    expect(await count(user.token, 2)).to.equal(3);
    expect((await client.call('notice.detail', { noticeid: a, platform: 1 }, { token: user.token })).code).to.equal(200);
    expect(await count(user.token, 1)).to.equal(1);
    await client.call('notice.detail', { noticeid: b, platform: 1 }, { token: user.token });
    expect(await count(user.token, 1)).to.equal(0);
  });

  it('answers 0 for a guest or a dead token', async () => {
    await notice(unixSeconds(server.clock));
    expect(await count('')).to.equal(0);
    expect(await count('dead')).to.equal(0);
  });
});

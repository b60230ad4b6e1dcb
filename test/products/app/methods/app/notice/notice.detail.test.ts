import { expect } from 'chai';
import { seedContent, type SeededContent } from '../../../../../../app/products/app/demo/020_content';
import { startTestServer, type TestClient, type TestServer } from '../../../../../helpers/harness';
import { expectShape } from '../../../../../helpers/shape';
import { createTestUser } from '../../../../../helpers/users';

/** The seed's example answer (2.18). */
const EXAMPLE = { noticeid: 1, title: '五一放假安排', summary: 's', body: 'b', c_time: '2019-04-19 10:22:08' };

describe('notice.detail', () => {
  let server: TestServer;
  let client: TestClient;
  let seeded: SeededContent;
  const reads = (userId: number) => server.app.db('notice_reads').where({ user_id: userId }).pluck('noticeid');

  before(async () => {
    server = await startTestServer();
    client = await server.client('app');
    seeded = await seedContent(server.app);
  });
  after(() => server.stop());

  it('answers a shown notice with its body in the seed example shape; a guest leaves no read mark', async () => {
    const answer = await client.call<typeof EXAMPLE>('notice.detail', { noticeid: seeded.notices.shown });
    expect(answer.code).to.equal(200);
    expectShape(answer.data, EXAMPLE);
    expect(Object.keys(answer.data!)).to.deep.equal(Object.keys(EXAMPLE));
    expect(answer.data).to.include({ noticeid: seeded.notices.shown, title: '五一放假安排' });
    expect(answer.data!.body).to.contain('<p>');
    expect(await server.app.db('notice_reads').count({ n: '*' }).first()).to.deep.include({ n: 0 });
  });

  it('marks only that notice read for a logged-in user, once however often it is opened', async () => {
    const user = await createTestUser(server);
    for (let i = 0; i < 2; i++) {
      expect((await client.call('notice.detail', { noticeid: seeded.notices.shown }, { token: user.token })).code).to.equal(200);
    }
    expect(await reads(user.id)).to.deep.equal([seeded.notices.shown]);
  });

  it('refuses hidden, deleted, unknown and other-platform notices with 503', async () => {
    await server.app.db('notices').where({ noticeid: seeded.notices.shown }).update({ terminal: 2 });
    const missing = { code: 503, msg: 'the notice does not exist or has been deleted' };
    expect(await client.call('notice.detail', { noticeid: seeded.notices.hidden })).to.deep.equal(missing);
    expect(await client.call('notice.detail', { noticeid: 999999 })).to.deep.equal(missing);
    expect(await client.call('notice.detail', { noticeid: seeded.notices.shown, platform: 2 })).to.deep.equal(missing);
    expect((await client.call('notice.detail', { noticeid: seeded.notices.shown, platform: 1 })).code).to.equal(200);
    const noId = await client.call('notice.detail', {});
    expect(noId.code).to.equal(503);
    expect(noId.msg).to.contain('noticeid');
  });
});

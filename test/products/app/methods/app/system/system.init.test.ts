import { expect } from 'chai';
import { seedContent, type SeededContent } from '../../../../../../app/products/app/demo/020_content';
import { configService, INIT_CONFIG } from '../../../../../../app/products/app/services/content/configs';
import type { InitAnswer } from '../../../../../../app/products/app/services/content/startup';
import { startTestServer, type TestClient, type TestServer } from '../../../../../helpers/harness';
import { expectShape } from '../../../../../helpers/shape';
import { createTestUser } from '../../../../../helpers/users';

/** The seed's example answer (2.1). */
const EXAMPLE = {
  token_status: 1,
  upgrade: { upgrade_way: 2, app_v: '1.0.1', app_title: 't', app_desc: 'd', app_url: 'u', dialog_repeat: 1, origin_v: '1.0.0' },
  start_ad: { ad_id: 7, ad_name: 'n', ad_image_url: 'i', ad_url: 'u' },
  app_home_right_btn_url: 'https://github.com/fingerQin',
  app_service: { txt: '服务中心', url: 'u' },
  app_about: { txt: '关于我们', url: 'u' },
  app_feedback: { txt: '意见反馈', url: 'u' },
  notice_dialog: { title: 't', summary: 's', edition: '40000000001556786349' },
};
const NO_BUTTON = { txt: '', url: '' };
const DAY_MS = 24 * 3600 * 1000;

describe('system.init', () => {
  let server: TestServer;
  let client: TestClient;
  const init = (params: Record<string, unknown> = {}, token = '') =>
    client.call<InitAnswer>('system.init', { platform: 2, app_v: '1.0.0', ...params }, { token });

  before(async () => {
    server = await startTestServer();
    client = await server.client('app');
  });
  after(() => server.stop());

  it('never fails on missing content: empty ad, buttons and dialog, way 0', async () => {
    const answer = await init();
    expect(answer.code).to.equal(200);
    expect(answer.data).to.deep.equal({
      token_status: 0,
      upgrade: { upgrade_way: 0, app_v: '', app_title: '', app_desc: '', app_url: '', dialog_repeat: 0, origin_v: '1.0.0' },
      start_ad: {},
      app_home_right_btn_url: '',
      app_service: NO_BUTTON,
      app_about: NO_BUTTON,
      app_feedback: NO_BUTTON,
      notice_dialog: {},
    });
  });

  describe('with the demo content', () => {
    let seeded: SeededContent;
    before(async () => {
      seeded = await seedContent(server.app);
    });

    it('answers the seed example shape for a guest', async () => {
      const answer = await init();
      expect(answer.code).to.equal(200);
      expectShape(answer.data, EXAMPLE);
      const data = answer.data!;
      expect(data.token_status).to.equal(0);
      expect(data.upgrade).to.include({ upgrade_way: 1, app_v: '1.0.1', origin_v: '1.0.0' });
      expect(data.start_ad).to.include({ ad_id: seeded.ads.start });
      expect(data.app_service).to.deep.equal({ txt: '服务中心', url: 'https://github.com/fingerQin' });
      expect(data.app_home_right_btn_url).to.equal('https://github.com/fingerQin');
      const dialog = await server.app.db('notices').where({ noticeid: seeded.notices.dialog }).first();
      expect(data.notice_dialog).to.deep.equal({
        title: dialog.title,
        summary: dialog.summary,
        edition: `${String(dialog.noticeid).padEnd(10, '0')}${dialog.u_time}`,
      });
    });

    it('reports a live token as 1 and slides its expiry; a dead one is 0, not an error', async () => {
      const user = await createTestUser(server, { platform: 2 });
      server.clock.advance(29 * DAY_MS);
      expect((await init({}, user.token)).data!.token_status).to.equal(1);
      server.clock.advance(2 * DAY_MS); // 31 days after login: alive only because init slid it
      expect((await client.call('message.list', {}, { token: user.token })).code).to.equal(200);
      const dead = await init({}, 'f'.repeat(48));
      expect(dead.code).to.equal(200);
      expect(dead.data!.token_status).to.equal(0);
    });

    it('gives H5/web clients way 0, and a malformed button config an empty button', async () => {
      await server.app.use(configService).set(INIT_CONFIG.ABOUT, 'no separator here');
      const answer = await init({ platform: 3 });
      expect(answer.code).to.equal(200);
      expect(answer.data!.upgrade.upgrade_way).to.equal(0);
      expect(answer.data!.app_about).to.deep.equal(NO_BUTTON);
      expect(answer.data!.app_feedback.txt).to.equal('意见反馈');
    });

    it('drops the dialog once its period ends', async () => {
      await server.app.db('notices').where({ noticeid: seeded.notices.dialog }).update({ dialog_end_time: 1 });
      expect((await init()).data!.notice_dialog).to.deep.equal({});
    });
  });
});

import { expect } from 'chai';
import { asAdmin, expectPage, ok, refused, useAdminServer } from '../../../../../helpers/admin';

describe('admin config.set / config.list', () => {
  const t = useAdminServer(4, { platform: 2, appV: '1.0.0' });

  it('sets the system.init keys, which the app then answers', async () => {
    ok(await t.admin('config.set', { cfg_key: 'APP_SERVICE_CONFIG', cfg_value: '客服中心:::https://h5.test/service', title: 'Service' }));
    ok(await t.admin('config.set', { cfg_key: 'APP_HOME_RIGHT_BTN_URL', cfg_value: 'https://h5.test/right' }));
    const init = ok(await t.app.call<{ app_service: { txt: string; url: string }; app_home_right_btn_url: string }>('system.init'));
    expect(init.app_service).to.deep.equal({ txt: '客服中心', url: 'https://h5.test/service' });
    expect(init.app_home_right_btn_url).to.equal('https://h5.test/right');
  });

  it('replaces a value on a second set, keeping who created it', async () => {
    ok(await t.admin('config.set', { cfg_key: 'SITE_NAME', cfg_value: 'One' }));
    ok(await asAdmin(t.adminClient, 9)('config.set', { cfg_key: 'SITE_NAME', cfg_value: 'Two', description: 'shown in the footer' }));
    const rows = await t.server.app.db('configs').where({ cfg_key: 'SITE_NAME' });
    expect(rows).to.have.length(1);
    expect(rows[0]).to.include({ cfg_value: 'Two', description: 'shown in the footer', c_by: 4, u_by: 9 });

    const page = ok(await t.adminClient.call('config.list', { cfg_key: 'SITE_NAME' }));
    expectPage(page, t.server.config.paging.pageSize);
    expect(page.list).to.have.length(1);
    expect(page.list[0]).to.include({ cfg_key: 'SITE_NAME', cfg_value: 'Two' });
  });

  it('lists the system.init keys from the first start, empty, with their format', async () => {
    const page = ok(await t.adminClient.call<{ list: Array<{ cfg_key: string; cfg_value: string; description: string }> }>('config.list', { cfg_key: 'APP_ABOUT_CONFIG' }));
    expect(page.list).to.have.length(1);
    expect(page.list[0]).to.include({ cfg_key: 'APP_ABOUT_CONFIG', cfg_value: '', description: '按钮文字:::URL' });
  });

  it('refuses malformed init values and keys', async () => {
    refused(await t.admin('config.set', { cfg_key: 'APP_ABOUT_CONFIG', cfg_value: 'About us' }), /APP_ABOUT_CONFIG must be "text:::URL"/);
    refused(await t.admin('config.set', { cfg_key: 'APP_FEEDBACK_CONFIG', cfg_value: 'Feedback:::not a url' }), /text:::URL/);
    refused(await t.admin('config.set', { cfg_key: 'APP_FEEDBACK_CONFIG', cfg_value: 'a:::b:::https://x.test' }), /text:::URL/);
    refused(await t.admin('config.set', { cfg_key: 'APP_HOME_RIGHT_BTN_URL', cfg_value: 'javascript:alert(1)' }), /must be a URL/);
    refused(await t.admin('config.set', { cfg_key: 'lower_case', cfg_value: 'x' }), /cfg_key/);
    expect(await t.server.app.db('configs').where({ cfg_key: 'APP_ABOUT_CONFIG' }).first('cfg_value')).to.deep.equal({ cfg_value: '' });
  });
});

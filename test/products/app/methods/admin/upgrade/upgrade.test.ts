import { expect } from 'chai';
import { expectPage, ok, refused, useAdminServer } from '../../../../../helpers/admin';

describe('admin upgrade.*', () => {
  const t = useAdminServer(6, { platform: 2, appV: '1.0.0', channel: 'market' });

  const upgrade = async () => ok(await t.app.call<{ upgrade_way: number; app_v: string; app_url: string; dialog_repeat: number }>('system.upgrade'));

  it('rules added by the back office drive system.upgrade; edit and delete change the decision', async () => {
    const { id: own } = ok(await t.admin<{ id: number }>('upgrade.add', { app_type: 2, app_v: '1.0.0', upgrade_way: 1, dialog_repeat: 1 }));
    expect(own).to.be.a('number');
    ok(await t.admin('upgrade.add', { app_type: 2, app_v: '1.2.0', app_title: 'New', app_desc: 'Faster', url: 'https://dl.test/1.2.0.apk' }));
    expect(await t.server.app.db('app_upgrades').where({ id: own }).first()).to.include({ app_type: 2, channel: '', status: 1, c_by: 6 });

    expect(await upgrade()).to.include({ upgrade_way: 1, app_v: '1.2.0', app_url: 'https://dl.test/1.2.0.apk', dialog_repeat: 1 });
    ok(await t.admin('upgrade.edit', { id: own, upgrade_way: 2 }));
    expect(await upgrade()).to.include({ upgrade_way: 2, app_v: '1.2.0' });
    ok(await t.admin('upgrade.delete', { id: own }));
    expect(await upgrade()).to.include({ upgrade_way: 0, app_v: '' });

    const page = ok(await t.adminClient.call('upgrade.list', { app_type: 2 }));
    expectPage(page, t.server.config.paging.pageSize);
    expect(page.list.map((r) => r.status)).to.have.members([1, 2]);
  });

  it('refuses a second rule for the same platform, version and channel, and malformed ones', async () => {
    ok(await t.admin('upgrade.add', { app_type: 1, app_v: '2.0.0' }));
    refused(await t.admin('upgrade.add', { app_type: 1, app_v: '2.0.0' }), /exists/);
    const { id: huawei } = ok(await t.admin<{ id: number }>('upgrade.add', { app_type: 2, app_v: '2.0.0', channel: 'huawei' }));
    // The SDK always sends the fixed `app_v` and `channel` (here ''): an edit must not take them as changes.
    ok(await t.admin('upgrade.edit', { id: huawei, upgrade_way: 3 }));
    expect(await t.server.app.db('app_upgrades').where({ id: huawei }).first()).to.include({ app_v: '2.0.0', channel: 'huawei', upgrade_way: 3 });
    refused(await t.admin('upgrade.add', { app_type: 3, app_v: '2.0.0' }), /app_type/);
    refused(await t.admin('upgrade.add', { app_type: 1, app_v: '2.0' }), /app_v/);
    refused(await t.admin('upgrade.add', { app_type: 1, app_v: '02.0.0' }), /without leading zeros/);
    refused(await t.admin('upgrade.add', { app_type: 1, app_v: '2.0.1', upgrade_way: 4 }), /upgrade_way/);
    refused(await t.admin('upgrade.edit', { id: 999_999, app_title: 'x' }), /upgrade rule does not exist/);
  });
});

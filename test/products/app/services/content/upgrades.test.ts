import { expect } from 'chai';
import { compareVersions, upgradeService, type Upgrade, type UpgradeClient } from '../../../../../app/products/app/services/content/upgrades';
import { rejectionOf } from '../../../../helpers/errors';
import { startTestServer, type TestServer } from '../../../../helpers/harness';

type Rule = [app_type: number, app_v: string, channel: string, upgrade_way: number, dialog_repeat: number, status?: number];

const RULES: Rule[] = [
  [1, '1.0.0', '', 1, 0],
  [1, '0.9.0', '', 2, 1],
  [1, '0.8.0', '', 3, 1],
  [1, '1.0.2', '', 0, 0],
  [1, '1.0.10', '', 0, 0], // numerically the newest; a string compare would pick 1.0.2
  [1, '2.0.0', '', 0, 0, 0], // inactive: never a target
  [1, '3.0.0', '', 3, 0], // closed: never offered as a target either
  [2, '1.0.0', '', 1, 0],
  [2, '1.0.0', 'huawei', 2, 1],
  [2, '1.1.0', '', 0, 0],
  [2, '1.1.0', 'huawei', 0, 0],
  [2, '1.2.0', 'xiaomi', 0, 0],
];

const none = (way: number, origin: string): Upgrade => ({
  upgrade_way: way, app_v: '', app_title: '', app_desc: '', app_url: '', dialog_repeat: 0, origin_v: origin,
});
const to = (way: number, v: string, url: string, repeat: number, origin: string): Upgrade => ({
  upgrade_way: way, app_v: v, app_title: `title ${v}`, app_desc: `desc ${v}`, app_url: url, dialog_repeat: repeat, origin_v: origin,
});

const CASES: Array<[string, UpgradeClient, Upgrade]> = [
  ['iOS advised to the numerically newest, without a download link', { platform: 1, appV: '1.0.0', channel: '' }, to(1, '1.0.10', '', 0, '1.0.0')],
  ['iOS forced, dialog repeating', { platform: 1, appV: '0.9.0', channel: '' }, to(2, '1.0.10', '', 1, '0.9.0')],
  ['iOS closed version: way 3 with empty fields', { platform: 1, appV: '0.8.0', channel: '' }, none(3, '0.8.0')],
  ['iOS newest version: its own way 0', { platform: 1, appV: '1.0.10', channel: '' }, none(0, '1.0.10')],
  ['iOS unknown version: no own row → 0', { platform: 1, appV: '1.0.3', channel: '' }, none(0, '1.0.3')],
  ['iOS ignores the channel', { platform: 1, appV: '1.0.0', channel: 'huawei' }, to(1, '1.0.10', '', 0, '1.0.0')],
  ['Android without channel gets the channel-less rows', { platform: 2, appV: '1.0.0', channel: '' }, to(1, '1.1.0', 'url 1.1.0 ', 0, '1.0.0')],
  ['Android channel row beats the channel-less one (own and target)', { platform: 2, appV: '1.0.0', channel: 'huawei' }, to(2, '1.1.0', 'url 1.1.0 huawei', 1, '1.0.0')],
  ['Android channel sees its own newer version', { platform: 2, appV: '1.0.0', channel: 'xiaomi' }, to(1, '1.2.0', 'url 1.2.0 xiaomi', 0, '1.0.0')],
  ['Android "1.0" is version 1.0.0; origin_v echoes what was sent', { platform: 2, appV: '1.0', channel: '' }, to(1, '1.1.0', 'url 1.1.0 ', 0, '1.0')],
  ['Android newest: nothing newer → 0', { platform: 2, appV: '1.1.0', channel: '' }, none(0, '1.1.0')],
  ['a closed newer version is skipped for the newest open one', { platform: 1, appV: '0.9.0', channel: '' }, to(2, '1.0.10', '', 1, '0.9.0')],
];

describe('services/content/upgrades', () => {
  let server: TestServer;

  before(async () => {
    server = await startTestServer();
    for (const [app_type, app_v, channel, upgrade_way, dialog_repeat, status = 1] of RULES) {
      await server.app.db('app_upgrades').insert({
        app_type, app_v, channel, upgrade_way, dialog_repeat, status,
        app_title: `title ${app_v}`, app_desc: `desc ${app_v}`, url: `url ${app_v} ${channel}`,
      });
    }
  });
  after(() => server.stop());

  for (const [title, client, expected] of CASES) {
    it(title, async () => {
      expect(await server.app.use(upgradeService).check(client)).to.deep.equal(expected);
    });
  }

  for (const [client, message] of [
    [{ platform: 3, appV: '1.0.0', channel: '' }, /platform/],
    [{ platform: 0, appV: '1.0.0', channel: '' }, /platform/],
    [{ platform: 1, appV: '1.0.x', channel: '' }, /app_v/],
    [{ platform: 2, appV: '', channel: '' }, /app_v/],
  ] as Array<[UpgradeClient, RegExp]>) {
    it(`refuses ${JSON.stringify(client)}, and checkQuietly answers way 0 for it`, async () => {
      const err = await rejectionOf(server.app.use(upgradeService).check(client));
      expect(err.code).to.equal(503);
      expect(err.message).to.match(message);
      expect(await server.app.use(upgradeService).checkQuietly(client)).to.deep.equal(none(0, client.appV));
    });
  }

  it('compares versions numerically, missing parts as 0', () => {
    expect(compareVersions('1.10.0', '1.9.9')).to.equal(1);
    expect(compareVersions('1.0', '1.0.0')).to.equal(0);
    expect(compareVersions('0.9', '1.0.0')).to.equal(-1);
  });

  it('never sends an Android client to a version with nothing to download', async () => {
    await server.app.db('app_upgrades').insert([
      { app_type: 2, app_v: '1.0.0', channel: 'vivo', upgrade_way: 2, dialog_repeat: 0, status: 1, app_title: 't', app_desc: 'd', url: 'url vivo 1.0.0' },
      { app_type: 2, app_v: '1.9.0', channel: 'vivo', upgrade_way: 0, dialog_repeat: 0, status: 1, app_title: 't', app_desc: 'd', url: '' },
    ]);
    expect(await server.app.use(upgradeService).check({ platform: 2, appV: '1.0.0', channel: 'vivo' })).to.deep.equal(to(2, '1.1.0', 'url 1.1.0 ', 0, '1.0.0'));
  });
});

import { expect } from 'chai';
import type { UploadAnswer } from '../../../../../../app/platform/files/uploads';
import { asAdmin, expectPage, ok, refused, useAdminServer } from '../../../../../helpers/admin';
import { imagePart, tinyImages } from '../../../../../helpers/images';
import { expectShape } from '../../../../../helpers/shape';

const SEED_AD = { ad_id: 1, ad_name: '', ad_image_url: '', ad_url: '' };

describe('admin ad.position.* and ad.*', () => {
  const t = useAdminServer(3);

  const window = { start_time: '2020-01-01 00:00:00', end_time: '2099-12-31 23:59:59' };
  const addPosition = async (code: string) => ok(await t.admin<{ pos_id: number }>('ad.position.add', { pos_name: `Position ${code}`, pos_code: code, pos_ad_count: 2 })).pos_id;

  it('ad.position.add answers {pos_id}, records the admin, and the list shows it', async () => {
    const posId = await addPosition('home_test');
    expect(posId).to.be.a('number');
    const row = await t.server.app.db('ad_positions').where({ pos_id: posId }).first();
    expect(row).to.include({ pos_code: 'home_test', pos_ad_count: 2, status: 1, c_by: 3, u_by: 3 });

    const page = ok(await t.adminClient.call('ad.position.list'));
    expectPage(page, t.server.config.paging.pageSize);
    expect(page.list[0]).to.include({ pos_id: posId, pos_code: 'home_test', status: 1 });
    expect(page.list[0].c_time).to.match(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
  });

  it('refuses a taken pos_code, a malformed one and a missing admin_id', async () => {
    refused(await t.admin('ad.position.add', { pos_name: 'again', pos_code: 'home_test' }), /pos_code is taken/);
    refused(await t.admin('ad.position.add', { pos_name: 'bad', pos_code: 'no spaces' }), /pos_code/);
    refused(await t.adminClient.call('ad.position.add', { pos_name: 'x', pos_code: 'x1' }), /admin_id/);
  });

  it('ad.position.edit changes fields, needs one, and 503s an unknown id', async () => {
    const posId = await addPosition('edit_me');
    ok(await asAdmin(t.adminClient, 9)('ad.position.edit', { pos_id: posId, pos_name: 'Renamed', status: 0 }));
    expect(await t.server.app.db('ad_positions').where({ pos_id: posId }).first()).to.include({ pos_name: 'Renamed', status: 0, c_by: 3, u_by: 9 });
    refused(await t.admin('ad.position.edit', { pos_id: posId }), /at least one field/);
    refused(await t.admin('ad.position.edit', { pos_id: 999_999, pos_name: 'x' }), /ad position does not exist/);
    const filtered = ok(await t.adminClient.call<{ list: Array<{ pos_id: number }> }>('ad.position.list', { status: 0 }));
    expect(filtered.list.map((p) => p.pos_id)).to.deep.equal([posId]);
  });

  it('ad.add shows up in the app\'s system.ads; deleting it takes it out', async () => {
    const posId = await addPosition('app_test');
    const { ad_id: adId } = ok(await t.admin<{ ad_id: number }>('ad.add', { pos_id: posId, ad_name: 'Summer', ad_image_url: 'https://img.test/s.png', ad_url: 'https://shop.test/summer', ...window }));
    expect(adId).to.be.a('number');
    const row = await t.server.app.db('ads').where({ ad_id: adId }).first();
    expect(row).to.include({ display: 1, status: 1, terminal: 0, type_flag: 3, c_by: 3 });

    const shown = ok(await t.app.call<{ list: Array<typeof SEED_AD> }>('system.ads', { code: 'app_test' }));
    expect(shown.list).to.have.length(1);
    expectShape(shown.list[0], SEED_AD, 'ad');
    expect(shown.list[0]).to.deep.equal({ ad_id: adId, ad_name: 'Summer', ad_image_url: 'https://img.test/s.png', ad_url: 'https://shop.test/summer' });

    refused(await t.admin('ad.position.delete', { pos_id: posId }), /still has ads/);
    ok(await t.admin('ad.delete', { ad_id: adId }));
    expect(await t.server.app.db('ads').where({ ad_id: adId }).first()).to.include({ status: 2 });
    expect(ok(await t.app.call<{ list: unknown[] }>('system.ads', { code: 'app_test' })).list).to.deep.equal([]);
    refused(await t.admin('ad.delete', { ad_id: adId }), /ad does not exist/);
    refused(await t.admin('ad.edit', { ad_id: adId, ad_name: 'back' }), /ad does not exist/);

    ok(await t.admin('ad.position.delete', { pos_id: posId }));
    expect(await t.server.app.db('ad_positions').where({ pos_id: posId }).first()).to.include({ status: 2 });
    expect((await t.app.call('system.ads', { code: 'app_test' })).code).to.equal(503);
    refused(await t.admin('ad.add', { pos_id: posId, ad_name: 'late', ad_image_url: 'https://img.test/l.png', ...window }), /ad position does not exist/);
    refused(await t.admin('ad.add', { pos_id: posId, ad_name: 'blank', ad_image_url: '', ...window }), /ad_image_url/);
  });

  it('ad.edit moves the window, checked against the stored half; the list formats times and decodes bits', async () => {
    const posId = await addPosition('edit_ads');
    const { ad_id: adId } = ok(await t.admin<{ ad_id: number }>('ad.add', { pos_id: posId, ad_name: 'iOS only', ad_image_url: 'https://img.test/i.png', platforms: [1], audience: 2, ...window }));
    refused(await t.admin('ad.edit', { ad_id: adId, end_time: '2019-06-01 00:00:00' }), /start_time must be before end_time/);
    ok(await t.admin('ad.edit', { ad_id: adId, end_time: '2030-06-01 12:00:00', platforms: [1, 2] }));
    const page = ok(await t.adminClient.call<{ list: Array<Record<string, unknown>> }>('ad.list', { pos_id: posId }));
    expect(page.list).to.have.length(1);
    expect(page.list[0]).to.include({ ad_id: adId, start_time: '2020-01-01 00:00:00', end_time: '2030-06-01 12:00:00', terminal: 3, audience: 2 });
    expect(page.list[0].platforms).to.have.members([1, 2]);
  });

  it('takes an uploaded file_id for an image and stores its URL', async () => {
    const posId = await addPosition('with_file');
    const upload = ok(await t.adminClient.call<UploadAnswer>('system.upload', { admin_id: 3 }, { files: [imagePart(tinyImages.png)] }));
    const { ad_id: adId } = ok(await t.admin<{ ad_id: number }>('ad.add', { pos_id: posId, ad_name: 'File', ad_image_url: Number(upload.file_id), ...window }));
    expect(await t.server.app.db('ads').where({ ad_id: adId }).first()).to.include({ ad_image_url: upload.image_url });
    refused(await t.admin('ad.add', { pos_id: posId, ad_name: 'None', ad_image_url: '999999', ...window }), /file 999999 does not exist/);
  });

  it('refuses bad parameters with 503 naming the field', async () => {
    const posId = await addPosition('bad_params');
    const base = { pos_id: posId, ad_name: 'x', ad_image_url: 'https://img.test/x.png', ...window };
    refused(await t.admin('ad.add', { ...base, ad_url: 'javascript:alert(1)' }), /ad_url/);
    refused(await t.admin('ad.add', { ...base, ad_image_url: 'ftp://x/y.png' }), /ad_image_url/);
    refused(await t.admin('ad.add', { ...base, start_time: '2020-13-01 00:00:00' }), /start_time/);
    refused(await t.admin('ad.add', { ...base, platforms: [5] }), /platforms/);
    refused(await t.admin('ad.add', { ...base, start_time: window.end_time, end_time: window.start_time }), /before end_time/);
  });
});

import { expect } from 'chai';
import { userDirectory } from '../../../../../../app/platform/identity/users';
import { lastCode } from '../../../../../helpers/sms';
import { tinyImages } from '../../../../../helpers/images';
import { createTestUser, uniqueMobile } from '../../../../../helpers/users';
import { expectPaged, ok, refused, useShowServer } from '../../../helpers';

const USER_INFO_KEYS = ['uid', 'nickname', 'avatar', 'gender', 'country', 'province', 'city', 'birthday', 'phone', 'email', 'category', 'status', 'score', 'invitation_code', 'inviter', 'intro', 'created_at'];

describe('show user methods', () => {
  const show = useShowServer();

  async function code(phone: string, country = '86'): Promise<string> {
    ok(await show.client.call('send.sms.code', { country, phone }));
    return lastCode(show.server, country === '86' ? phone : `+${country}${phone}`, 'SHOW_AUTH_CODE');
  }

  async function signup(phone: string, country = '86', password = 'secret_1'): Promise<{ token: string; uid: string }> {
    const data = ok<{ token: string; uid: string }>(await show.client.call('user.signup', { country, phone, code: await code(phone, country), password, nickname: '小明' }));
    expect(data).to.have.all.keys('token', 'uid');
    expect(data.uid).to.match(/^[0-9a-f]{32}$/);
    return data;
  }

  it('current.time answers unix seconds without a token', async () => {
    const data = ok<{ time: number }>(await show.client.call('current.time'));
    expect(data).to.deep.equal({ time: Math.floor(show.server.app.clock.now() / 1000) });
  });

  it('send.sms.code: refuses a bad phone for its area and a resend within 60 s', async () => {
    const bad = await show.client.call('send.sms.code', { phone: '12345' });
    expect(bad.code).to.equal(503);
    const phone = uniqueMobile();
    await code(phone);
    refused(await show.client.call('send.sms.code', { phone }), /间隔|60/);
  });

  it('user.signup makes an account with its show row and a show token; 604 the second time; 700 on a wrong code', async () => {
    const phone = uniqueMobile();
    expect((await show.client.call('user.signup', { phone, code: '000000', password: 'secret_1', nickname: 'x' })).code, 'no code sent').to.equal(700);
    const auth = await signup(phone);
    const user = await show.server.app.use(userDirectory).byOpenId(auth.uid);
    expect(user).to.include({ mobile: phone, area_code: '86', nickname: '小明' });
    expect(await show.server.app.db('show_users').where({ user_id: user!.id }).first()).to.include({ category: 0 });
    const info = ok<{ my_user_info: Record<string, unknown> }>(await show.client.call('my.user.info', {}, { token: auth.token }));
    expect(info.my_user_info.uid).to.equal(auth.uid);
    show.server.clock.advance(61_000);
    const again = await show.client.call('user.signup', { phone, code: '123456', password: 'secret_1', nickname: 'x' });
    expect(again.code).to.equal(604);
    const other = uniqueMobile();
    await code(other);
    const wrong = await show.client.call('user.signup', { phone: other, code: '999999', password: 'secret_1', nickname: 'x' });
    expect(wrong.code).to.be.oneOf([700]);
  });

  it('signs up and logs in with a foreign area code', async () => {
    const auth = await signup('5551234567', '1');
    show.server.clock.advance(61_000);
    const login = ok<{ token: string; uid: string }>(await show.client.call('user.login', { country: '1', phone: '5551234567', password: 'secret_1' }));
    expect(login.uid).to.equal(auth.uid);
    // The same national number in area 86 is another phone.
    expect((await show.client.call('user.login', { phone: '5551234567', password: 'secret_1' })).code).to.equal(503);
  });

  it('user.login: password or code (exactly one); 605 unknown; wrong password 503; 700 wrong code; 607 after five wrong; disabled', async () => {
    const phone = uniqueMobile();
    const auth = await signup(phone);
    expect((await show.client.call('user.login', { phone: uniqueMobile(), password: 'secret_1' })).code).to.equal(605);
    expect((await show.client.call('user.login', { phone, password: 'secret_1', code: '123456' })).code).to.equal(503);
    expect((await show.client.call('user.login', { phone })).code).to.equal(503);
    const byPassword = ok<{ token: string; uid: string }>(await show.client.call('user.login', { phone, password: 'secret_1' }));
    expect(byPassword.uid).to.equal(auth.uid);
    show.server.clock.advance(61_000);
    const byCode = ok<{ token: string; uid: string }>(await show.client.call('user.login', { phone, code: await code(phone) }));
    expect(byCode).to.have.all.keys('token', 'uid');
    show.server.clock.advance(61_000);
    await code(phone);
    expect((await show.client.call('user.login', { phone, code: '000001' })).code).to.equal(700);
    for (let i = 0; i < 3; i += 1) refused(await show.client.call('user.login', { phone, password: 'wrong_pw' }), /wrong password/);
    expect((await show.client.call('user.login', { phone, password: 'wrong_pw' })).code).to.equal(607);
    expect((await show.client.call('user.login', { phone, password: 'secret_1' })).code).to.equal(607);

    const other = uniqueMobile();
    const otherAuth = await signup(other);
    const row = await show.server.app.use(userDirectory).byOpenId(otherAuth.uid);
    await show.server.app.use(userDirectory).setStatus(row!.id, 0);
    refused(await show.client.call('user.login', { phone: other, password: 'secret_1' }), /account disabled/);
  });

  it('user.password.update: new password, older tokens 606; 605 unknown; 700 wrong code', async () => {
    const phone = uniqueMobile();
    const auth = await signup(phone);
    show.server.clock.advance(61_000);
    expect((await show.client.call('user.password.update', { phone: uniqueMobile(), code: '123456', password: 'newpass_1' })).code).to.equal(605);
    const fresh = await code(phone);
    expect((await show.client.call('user.password.update', { phone, code: fresh === '000000' ? '000001' : '000000', password: 'newpass_1' })).code).to.equal(700);
    show.server.clock.advance(1000);
    ok(await show.client.call('user.password.update', { phone, code: fresh, password: 'newpass_1' }));
    expect((await show.client.call('my.user.info', {}, { token: auth.token })).code).to.equal(606);
    refused(await show.client.call('user.login', { phone, password: 'secret_1' }), /wrong password/);
    ok(await show.client.call('user.login', { phone, password: 'newpass_1' }));
  });

  it('user.logout ends the session; the NOT_LOGIN five are the only ones answering without a token', async () => {
    const who = await show.person();
    ok(await show.raw(who, 'user.logout'));
    expect((await show.raw(who, 'my.user.info')).code).to.be.oneOf([601, 602]);
    for (const method of ['user.logout', 'my.user.info', 'user.info', 'get.master.list', 'home.banner', 'get.media.id', 'my.user.info.update']) {
      expect((await show.client.call(method, {})).code, method).to.equal(602);
    }
  });

  it('a show token is refused under app, an app token under show', async () => {
    const who = await show.person();
    const app = await show.server.client('app');
    expect((await app.call('user.detail', {}, { token: who.token })).code).to.be.oneOf([601, 602, 603]);
    const appUser = await createTestUser(show.server, { apiType: 'app' });
    expect((await show.client.call('my.user.info', {}, { token: appUser.token })).code).to.be.oneOf([601, 602, 603]);
  });

  it('my.user.info / my.user.info.update / user.info: the shape, the changes, masking of others', async () => {
    const me = await show.person({ mobile: '18612342222' });
    const image = await show.image(me);
    const birthday = Date.parse('1995-06-01T00:00:00+08:00');
    ok(await show.raw(me, 'my.user.info.update', { nickname: '新名', avatar: image.fileId, gender: 1, province: '浙江', city: '杭州', birthday, email: 'Me@Example.com', intro: 'hi' }));
    const mine = (await show.as<{ my_user_info: Record<string, unknown> }>(me, 'my.user.info')).my_user_info;
    expect(mine).to.have.all.keys(...USER_INFO_KEYS);
    expect(mine).to.deep.include({ uid: me.uid, nickname: '新名', avatar: image.url, gender: 1, country: '86', province: '浙江', city: '杭州', birthday, phone: '18612342222', email: 'me@example.com', category: 0, status: 0, score: 0, invitation_code: null, inviter: null, intro: 'hi' });
    expect(mine.created_at).to.be.a('number');
    const row = await show.server.app.use(userDirectory).byId(me.id);
    expect(row).to.include({ nickname: '新名', birthday: '1995-06-01', headimg: image.url });

    refused(await show.raw(me, 'my.user.info.update', {}), /nothing to update/);
    refused(await show.raw(me, 'my.user.info.update', { avatar: 'https://evil.example/x.png' }), /avatar/);
    refused(await show.raw(me, 'my.user.info.update', { gender: 5 }), /gender/);
    refused(await show.raw(me, 'my.user.info.update', { nickname: 'x'.repeat(21) }), /nickname/);
    const other = await show.person();
    refused(await show.raw(other, 'my.user.info.update', { email: 'me@example.com' }), /email/);

    const seen = (await show.as<{ user_info: Record<string, unknown> }>(other, 'user.info', { to_uid: me.uid })).user_info;
    expect(seen).to.have.all.keys(...USER_INFO_KEYS);
    expect(seen).to.include({ uid: me.uid, phone: '186****2222', email: '', nickname: '新名' });
    refused(await show.raw(other, 'user.info', { to_uid: 'f'.repeat(32) }), /user not found/);
  });

  it('get.master.list: category 1 users, newest first, paged', async () => {
    const viewer = await show.person();
    const a = await show.person({ nickname: 'masterA', category: 1 });
    const b = await show.person({ nickname: 'masterB', category: 1 });
    await show.person({ category: 2 });
    const first = await show.as<Record<string, unknown>>(viewer, 'get.master.list', { limit: 1 });
    const list = expectPaged(first, 'master_list', 2, true) as Array<Record<string, unknown>>;
    expect(list).to.have.length(1);
    expect(list[0]).to.have.all.keys('uid', 'nickname', 'avatar', 'intro', 'created_at');
    expect(list[0]).to.include({ uid: b.uid, nickname: 'masterB' });
    const second = await show.as<Record<string, unknown>>(viewer, 'get.master.list', { limit: 1, offset: 1 });
    expect((expectPaged(second, 'master_list', 2, false)[0] as { uid: string }).uid).to.equal(a.uid);
    expect((await show.raw(viewer, 'get.master.list', { limit: 101 })).code).to.equal(503);
  });

  it('home.banner lists the home banners in order; get.media.id reserves a file id that system.upload fills', async () => {
    const me = await show.person();
    await show.server.app.db('show_banners').insert([
      { position: 'home', image: 'http://x/2.png', url: 'u2', sort: 2 },
      { position: 'home', image: 'http://x/1.png', url: 'u1', sort: 1 },
      { position: 'ticket', image: 'http://x/t.png', url: 't', sort: 0 },
    ]);
    const banners = (await show.as<{ home_banner: Array<Record<string, unknown>> }>(me, 'home.banner')).home_banner;
    expect(banners.map((b) => b.url)).to.deep.equal(['u1', 'u2']);
    expect(banners[0]).to.have.all.keys('banner_id', 'image', 'url');
    expect(banners[0].banner_id).to.be.a('string');

    const { media_id: mediaId } = await show.as<{ media_id: string }>(me, 'get.media.id');
    expect(mediaId).to.be.a('string');
    expect(await show.server.app.db('files').where({ file_id: Number(mediaId) }).first()).to.include({ status: 0, owner_id: me.id });
    const upload = await show.client.call<{ file_id: string }>('system.upload', { media_id: mediaId }, { token: me.token, files: [{ field: 'image', name: 'a.png', type: 'image/png', bytes: tinyImages.png }] });
    expect(ok(upload).file_id).to.equal(mediaId);
    expect(await show.server.app.db('files').where({ file_id: Number(mediaId) }).first()).to.include({ status: 1 });
  });
});

import { expect } from 'chai';
import { uploadService, OwnerType } from '../../../app/platform/files/uploads';
import { credentialService } from '../../../app/platform/identity/credentials';
import { PasswordHasher, passwordHasher } from '../../../app/platform/identity/passwords';
import { userDirectory } from '../../../app/platform/identity/users';
import { TEST_SCRYPT_N } from '../../helpers/accounts';
import { tinyImages } from '../../helpers/images';
import { expectShape } from '../../helpers/shape';
import { uniqueMobile } from '../../helpers/users';
import { ok, refusedWith, TIME, useAccountServer } from './helpers';

const TOKENS_EXAMPLE = { access_token: 'lRnC', refresh_token: 'aQ4X', expires_at: '2019-05-29 18:22:30', expires_in: 604800 };
const USER_EXAMPLE = {
  id: 8, area: '86', phone: '18656660930', email: '', openid: 'HuTf', role: 0, username: '18656660930', is_active: true, app_id: '',
  created_at: '2019-05-22 18:20:45', updated_at: '2019-05-22 18:20:45', nickname: '', avatar: '', gender: 2, birthday: '', address: '',
};
const PASSWORD = 'secret_123';

interface Tokens {
  access_token: string;
  refresh_token: string;
  expires_at: string;
  expires_in: number;
}

describe('account: auth.access_token / auth.refresh_token / auth.destroy_token, personal.info (signed calls)', () => {
  const fixture = useAccountServer({ abuse: { failureThreshold: 1000 }, login: { perIpPerMinute: 0, perAccountPerMinute: 0 } });
  let mobile: string;
  let userId: number;

  before(async () => {
    fixture.server.app.provide(passwordHasher, new PasswordHasher({ N: TEST_SCRYPT_N }));
    mobile = uniqueMobile();
    const hash = await fixture.server.app.use(credentialService).hashPassword(PASSWORD);
    userId = (await fixture.server.app.use(userDirectory).create({ mobile, username: mobile, password_hash: hash })).id;
    await fixture.server.app.use(userDirectory).create({ email: 'Mail.User@Example.com', username: 'mail.user@example.com', password_hash: hash });
    await fixture.server.app.use(userDirectory).create({ mobile: '5551234', area_code: '1', password_hash: hash, status: 0 });
  });

  const login = (params: Record<string, unknown>) => fixture.account.call<Tokens>('auth.access_token', { password: PASSWORD, ...params });
  const as = (token: string) => (method: string, params: Record<string, unknown> = {}) => fixture.account.call<Record<string, unknown>>(method, params, { token });

  it('signs in by phone or e-mail: the catalogue\'s Tokens, a 7-day access token', async () => {
    const tokens = ok(await login({ account: mobile }));
    expectShape(tokens, TOKENS_EXAMPLE);
    expect(tokens.expires_in).to.equal(604800);
    expect(tokens.expires_at).to.match(TIME);
    const info = ok<Record<string, unknown>>(await as(tokens.access_token)('personal.info'));
    expectShape(info, USER_EXAMPLE);
    expect(info).to.include({ id: userId, area: '86', phone: mobile, email: '', username: mobile, is_active: true, gender: 2, birthday: '' });
    const byMail = ok(await login({ account: 'mail.user@EXAMPLE.com' }));
    expect(ok<Record<string, unknown>>(await as(byMail.access_token)('personal.info'))).to.include({ email: 'mail.user@example.com', phone: '', username: 'mail.user@example.com' });
  });

  it('605 unknown, 503 wrong password, 607 after five, 503 inactive, 503 a malformed account', async () => {
    refusedWith(await login({ account: uniqueMobile() }), 605);
    refusedWith(await login({ account: 'nobody@example.com' }), 605);
    refusedWith(await login({ account: '5551234', area: '1' }), 503, /inactive/);
    refusedWith(await login({ account: '5551234', area: '1', password: 'wrong_pw' }), 503, /wrong account or password/);
    refusedWith(await login({ account: '12345' }), 503, /account/);
    refusedWith(await login({ account: mobile, area: '86x' }), 503, /area/);
    const victim = uniqueMobile();
    await fixture.server.app.use(userDirectory).create({ mobile: victim, password_hash: await fixture.server.app.use(credentialService).hashPassword(PASSWORD) });
    for (let i = 0; i < 4; i++) refusedWith(await login({ account: victim, password: 'wrong_pw' }), 503, /wrong account or password/);
    refusedWith(await login({ account: victim, password: 'wrong_pw' }), 607);
    refusedWith(await login({ account: victim }), 607);
  });

  it('refresh: a new pair, the old refresh token dead; used twice it revokes the whole pair (theft)', async () => {
    const first = ok(await login({ account: mobile }));
    const second = ok(await fixture.account.call<Tokens>('auth.refresh_token', { refresh_token: first.refresh_token }));
    expectShape(second, TOKENS_EXAMPLE);
    expect(second.access_token).not.to.equal(first.access_token);
    refusedWith(await as(first.access_token)('personal.info'), 601);
    ok(await as(second.access_token)('personal.info'));
    // The stolen first refresh token comes back: the pair the owner got from it dies too.
    refusedWith(await fixture.account.call('auth.refresh_token', { refresh_token: first.refresh_token }), 601, /already used/);
    refusedWith(await as(second.access_token)('personal.info'), 601);
    refusedWith(await fixture.account.call('auth.refresh_token', { refresh_token: second.refresh_token }), 601);
    refusedWith(await fixture.account.call('auth.refresh_token', { refresh_token: 'nonsense' }), 601);
    refusedWith(await fixture.account.call('auth.refresh_token', {}), 503, /refresh_token/);
  });

  it('the access token lives 7 days whatever its use; the refresh token 30', async () => {
    const tokens = ok(await login({ account: mobile }));
    fixture.server.clock.advance(7 * 24 * 3600 * 1000 - 1000);
    ok(await as(tokens.access_token)('personal.info'));
    fixture.server.clock.advance(2000);
    refusedWith(await as(tokens.access_token)('personal.info'), 601);
    const renewed = ok(await fixture.account.call<Tokens>('auth.refresh_token', { refresh_token: tokens.refresh_token }));
    ok(await as(renewed.access_token)('personal.info'));
    fixture.server.clock.advance(30 * 24 * 3600 * 1000);
    refusedWith(await fixture.account.call('auth.refresh_token', { refresh_token: renewed.refresh_token }), 601);
  });

  it('an account token is not a token of another product (decision 13)', async () => {
    const tokens = ok(await login({ account: mobile }));
    const nearby = await fixture.server.client('nearby');
    const answer = await nearby.call('user.detail', {}, { token: tokens.access_token });
    expect(answer.code).to.be.oneOf([601, 509]);
    refusedWith(await fixture.account.call('personal.info', {}, { token: 'a'.repeat(48) }), 601);
    refusedWith(await fixture.account.call('personal.info'), 602);
  });

  it('destroy_token: both tokens end, and the devices bound during that login are unbound', async () => {
    const phone = ok(await login({ account: mobile }));
    ok(await as(phone.access_token)('push.bind', { client_id: 'my-phone', client_type: 'android' }));
    const web = await fixture.server.client('account', { platform: 3 });
    const other = ok(await web.call<Tokens>('auth.access_token', { account: mobile, password: PASSWORD }));
    ok(await web.call('push.bind', { client_id: 'my-tablet', client_type: 'ios' }, { token: other.access_token }));
    expect(ok(await as(phone.access_token)('auth.destroy_token'))).to.deep.equal({});
    refusedWith(await as(phone.access_token)('personal.info'), 601);
    refusedWith(await fixture.account.call('auth.refresh_token', { refresh_token: phone.refresh_token }), 601);
    const left = await fixture.server.app.db('account_push_clients').where({ user_id: userId }).pluck('client_id');
    expect(left).to.deep.equal(['my-tablet']);
    ok(await web.call('personal.info', {}, { token: other.access_token }));
  });

  it('personal.info.update changes the given fields and answers the User; refusals name the field', async () => {
    const { access_token } = ok(await login({ account: mobile }));
    const call = as(access_token);
    const file = await fixture.server.app.use(uploadService).storeBase64(tinyImages.png.toString('base64'), { type: OwnerType.USER, id: userId }, { category: 'avatar' });
    const updated = ok<Record<string, unknown>>(await call('personal.info.update', { nickname: '小明', avatar: String(file.file_id), gender: 1, birthday: '1991-03-08', address: '深圳市南山区' }));
    expectShape(updated, USER_EXAMPLE);
    expect(updated).to.include({ nickname: '小明', avatar: file.image_url, gender: 1, birthday: '1991-03-08', address: '深圳市南山区' });
    const row = await fixture.server.app.use(userDirectory).byId(userId);
    expect(row).to.include({ nickname: '小明', headimg: file.image_url, gender: 1, birthday: '1991-03-08' });
    expect(ok<Record<string, unknown>>(await call('personal.info.update', { birthday: '' })).birthday).to.equal('');
    refusedWith(await call('personal.info.update', {}), 503, /at least one/);
    refusedWith(await call('personal.info.update', { nickname: 'x'.repeat(21) }), 503, /nickname/);
    refusedWith(await call('personal.info.update', { gender: 3 }), 503, /gender/);
    refusedWith(await call('personal.info.update', { birthday: '1991-02-30' }), 503, /birthday/);
    refusedWith(await call('personal.info.update', { birthday: '2999-01-01' }), 503, /birthday/);
    refusedWith(await call('personal.info.update', { avatar: 'https://evil.example.com/a.png' }), 503, /avatar/);
    refusedWith(await call('personal.info.update', { avatar: '999999' }), 503, /avatar: image not found/);
    refusedWith(await call('personal.info.update', { address: 'x'.repeat(201) }), 503, /address/);
    expect((await fixture.server.app.use(userDirectory).byId(userId))!.nickname).to.equal('小明');
  });
});

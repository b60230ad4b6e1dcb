import { expect } from 'chai';
import { PasswordHasher, passwordHasher } from '../../../app/platform/identity/passwords';
import { userDirectory } from '../../../app/platform/identity/users';
import { TEST_SCRYPT_N } from '../../helpers/accounts';
import { lastMailCode, mailOutbox } from '../../helpers/mail';
import { lastCode, outboxMessages } from '../../helpers/sms';
import { expectShape } from '../../helpers/shape';
import { uniqueMobile } from '../../helpers/users';
import { ok, refusedWith, useAccountServer } from './helpers';

const TOKENS_EXAMPLE = { access_token: 'lRnC', refresh_token: 'aQ4X', expires_at: '2019-05-29 18:22:30', expires_in: 604800 };

/** A code that is surely not `code`. */
const otherThan = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0');

describe('account: auth.send_code / auth.check_code / auth.register through the SMS and mail outboxes', () => {
  const fixture = useAccountServer({ abuse: { failureThreshold: 1000 }, sms: { dailyCapPerIp: 10_000, dailyCapPerMobile: 1_000 } });
  const minute = () => fixture.server.clock.advance(61_000);

  before(() => {
    fixture.server.app.provide(passwordHasher, new PasswordHasher({ N: TEST_SCRYPT_N }));
  });

  it('phone sign-up: the code by SMS, check does not consume it, register answers Tokens and signs in', async () => {
    const phone = uniqueMobile();
    expect(ok(await fixture.account.call('auth.send_code', { account: phone }))).to.deep.equal({});
    const code = lastCode(fixture.server, phone, 'ACCOUNT_SMS_CODE');
    expect(code).to.match(/^\d{6}$/);
    ok(await fixture.account.call('auth.check_code', { account: phone, code }));
    ok(await fixture.account.call('auth.check_code', { account: phone, code }));
    const tokens = ok<Record<string, unknown>>(await fixture.account.call('auth.register', { account: phone, code, password: 'secret_123' }));
    expectShape(tokens, TOKENS_EXAMPLE);
    const info = ok<Record<string, unknown>>(await fixture.account.call('personal.info', {}, { token: tokens.access_token as string }));
    expect(info).to.include({ area: '86', phone, email: '', username: phone, app_id: fixture.account.appid, is_active: true });
    // The code is spent: a second registration attempt is 604 anyway, and the code no longer checks.
    refusedWith(await fixture.account.call('auth.check_code', { account: phone, code }), 700);
    ok(await fixture.account.call('auth.access_token', { account: phone, password: 'secret_123' }));
  });

  it('e-mail sign-up: the code by mail (the address lower-cased), username = the address', async () => {
    expect(ok(await fixture.account.call('auth.send_code', { account: 'New.Person@Example.com' }))).to.deep.equal({});
    const code = lastMailCode(fixture.server, 'new.person@example.com', 'ACCOUNT_EMAIL_CODE');
    const tokens = ok<Record<string, unknown>>(await fixture.account.call('auth.register', { account: 'new.person@example.com', code, password: 'secret_123' }));
    const info = ok<Record<string, unknown>>(await fixture.account.call('personal.info', {}, { token: tokens.access_token as string }));
    expect(info).to.include({ email: 'new.person@example.com', phone: '', username: 'new.person@example.com' });
    expect(mailOutbox(fixture.server).some((m) => m.to === 'new.person@example.com')).to.equal(true);
  });

  it('a phone of another area: the code goes to +<area><number>', async () => {
    ok(await fixture.account.call('auth.send_code', { area: '852', account: '61234567' }));
    const code = lastCode(fixture.server, '+85261234567', 'ACCOUNT_SMS_CODE');
    const tokens = ok<Record<string, unknown>>(await fixture.account.call('auth.register', { area: '852', account: '61234567', code, password: 'secret_123' }));
    const info = ok<Record<string, unknown>>(await fixture.account.call('personal.info', {}, { token: tokens.access_token as string }));
    expect(info).to.include({ area: '852', phone: '61234567' });
  });

  it('register answers 604 for a registered account before it looks at the code, which stays usable', async () => {
    const phone = uniqueMobile();
    ok(await fixture.account.call('auth.send_code', { account: phone }));
    const code = lastCode(fixture.server, phone, 'ACCOUNT_SMS_CODE');
    ok(await fixture.account.call('auth.register', { account: phone, code, password: 'secret_123' }));
    await fixture.server.app.db('verify_codes').where({ mobile: phone }).update({ used_at: 0 });
    minute();
    ok(await fixture.account.call('auth.send_code', { account: phone }));
    const fresh = lastCode(fixture.server, phone, 'ACCOUNT_SMS_CODE');
    for (let i = 0; i < 6; i++) refusedWith(await fixture.account.call('auth.register', { account: phone, code: otherThan(fresh), password: 'secret_123' }), 604);
    const row = await fixture.server.app.db('verify_codes').where({ mobile: phone }).orderBy('id', 'desc').first();
    expect(row).to.include({ attempts: 0, voided: 0, used_at: 0 });
    ok(await fixture.account.call('auth.check_code', { account: phone, code: fresh }));
  });

  it('check_code: 700 for a wrong code; the fifth wrong one voids it, and then even the right code is 700', async () => {
    const phone = uniqueMobile();
    ok(await fixture.account.call('auth.send_code', { account: phone }));
    const code = lastCode(fixture.server, phone, 'ACCOUNT_SMS_CODE');
    for (let i = 0; i < 5; i++) refusedWith(await fixture.account.call('auth.check_code', { account: phone, code: otherThan(code) }), 700);
    refusedWith(await fixture.account.call('auth.check_code', { account: phone, code }), 700);
    refusedWith(await fixture.account.call('auth.register', { account: phone, code, password: 'secret_123' }), 700);
    expect(await fixture.server.app.use(userDirectory).byMobile(phone)).to.equal(undefined);
  });

  it('expired codes are 700; a code is good for 10 minutes', async () => {
    const phone = uniqueMobile();
    ok(await fixture.account.call('auth.send_code', { account: phone }));
    const code = lastCode(fixture.server, phone, 'ACCOUNT_SMS_CODE');
    fixture.server.clock.advance(601_000);
    refusedWith(await fixture.account.call('auth.check_code', { account: phone, code }), 700);
    refusedWith(await fixture.account.call('auth.register', { account: phone, code, password: 'secret_123' }), 700);
    refusedWith(await fixture.account.call('auth.check_code', { account: uniqueMobile(), code: '123456' }), 700);
  });

  it('send_code: once a minute per account (503 too frequent); malformed accounts and parameters are 503', async () => {
    const phone = uniqueMobile();
    ok(await fixture.account.call('auth.send_code', { account: phone }));
    refusedWith(await fixture.account.call('auth.send_code', { account: phone }), 503, /60/);
    minute();
    ok(await fixture.account.call('auth.send_code', { account: phone }));
    refusedWith(await fixture.account.call('auth.send_code', { account: '12345' }), 503, /account/);
    refusedWith(await fixture.account.call('auth.send_code', { account: 'not-an-email@' }), 503, /account/);
    refusedWith(await fixture.account.call('auth.send_code', {}), 503, /account/);
    refusedWith(await fixture.account.call('auth.send_code', { account: phone, area: '12345' }), 503, /area/);
    refusedWith(await fixture.account.call('auth.register', { account: phone, code: '123456', password: '12345' }), 503, /password/);
    refusedWith(await fixture.account.call('auth.check_code', { account: phone, code: '12' }), 503, /code/);
    expect(outboxMessages(fixture.server).filter((m) => m.mobile === phone)).to.have.length(2);
  });

  it('two parallel registrations with one code: one account, the other 604 or 700', async () => {
    const phone = uniqueMobile();
    ok(await fixture.account.call('auth.send_code', { account: phone }));
    const code = lastCode(fixture.server, phone, 'ACCOUNT_SMS_CODE');
    const answers = await Promise.all([1, 2, 3].map(() => fixture.account.call('auth.register', { account: phone, code, password: 'secret_123' })));
    expect(answers.filter((a) => a.code === 200)).to.have.length(1);
    for (const a of answers.filter((x) => x.code !== 200)) expect(a.code).to.be.oneOf([604, 700]);
    expect(await fixture.server.app.db('users').where({ mobile: phone })).to.have.length(1);
  });
});

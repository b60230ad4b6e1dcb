import { expect } from 'chai';
import crypto from 'node:crypto';
import { captchaProof } from '../../../../../app/platform/verify/captcha/captchas';
import { lastCode, outboxMessages } from '../../../../helpers/sms';
import { uniqueMobile } from '../../../../helpers/users';
import { okData, refusedWith, useCampusServer } from '../../helpers';

const md5 = (text: string) => crypto.createHash('md5').update(text).digest('hex');

describe('campus sms.generate and user.register / login / logout', () => {
  const f = useCampusServer();

  /** A fresh image captcha's proof, read from CAPTCHA_OUTBOX as a person would read the picture. */
  async function captchaHash(): Promise<string> {
    const { rand } = okData(await f.campus.call<{ rand: string }>('img.generate'));
    return captchaProof(f.captchaCode(rand), rand);
  }

  it('captcha → sms.generate → user.register with hash = MD5(code + rand) → a campus session; then login and logout', async () => {
    const phone = uniqueMobile();
    const hash = await captchaHash();
    const { rand } = okData(await f.campus.call<{ rand: string }>('sms.generate', { phone, hash }));
    expect(rand).to.be.a('string').with.length.greaterThan(3);
    // The captcha was used up.
    refusedWith(await f.campus.call('img.validate', { hash }), /captcha wrong or expired/);
    const code = lastCode(f.server, phone, 'CAMPUS_REGISTER_CODE');
    expect(code).to.match(/^\d{6}$/);

    const auth = okData(await f.campus.call<{ token: string; user_id: number }>('user.register', { phone, hash: md5(code + rand), rand, password: 'secret_1' }));
    expect(auth).to.have.all.keys('token', 'user_id');
    const row = await f.server.app.db('users').where({ id: auth.user_id }).first();
    expect(row).to.include({ mobile: phone });
    okData(await f.campus.call('wallet.info', {}, { token: auth.token }));
    // A campus token opens nothing in another product.
    expect((await (await f.server.client('app')).call('user.detail', {}, { token: auth.token })).code).to.equal(601);
    expect((await f.campus.call('user.register', { phone, hash: md5(code + rand), rand, password: 'secret_1' })).code).to.equal(604);

    const login = okData(await f.campus.call<{ token: string; user_id: number }>('user.login', { phone, password: 'secret_1' }));
    expect(login.user_id).to.equal(auth.user_id);
    refusedWith(await f.campus.call('user.login', { phone, password: 'wrong_1' }), /password wrong/);
    expect((await f.campus.call('user.login', { phone: uniqueMobile(), password: 'secret_1' })).code).to.equal(605);
    okData(await f.campus.call('user.logout', {}, { token: login.token }));
    expect((await f.campus.call('wallet.info', {}, { token: login.token })).code).to.equal(601);
    okData(await f.campus.call('user.logout', {}));
  });

  it('user.register takes the code itself too; a wrong or expired SMS code is 700 and creates nobody', async () => {
    const phone = uniqueMobile();
    const { rand } = okData(await f.campus.call<{ rand: string }>('sms.generate', { phone, hash: await captchaHash() }));
    const code = lastCode(f.server, phone, 'CAMPUS_REGISTER_CODE');
    const wrong = code === '000000' ? '111111' : '000000';
    expect((await f.campus.call('user.register', { phone, code: wrong, password: 'secret_1' })).code).to.equal(700);
    expect((await f.campus.call('user.register', { phone, hash: md5(wrong + rand), rand, password: 'secret_1' })).code).to.equal(700);
    expect(await f.server.app.db('users').where({ mobile: phone }).first()).to.equal(undefined);
    okData(await f.campus.call('user.register', { phone, code, password: 'secret_1' }));

    const late = uniqueMobile();
    const sent = okData(await f.campus.call<{ rand: string }>('sms.generate', { phone: late, hash: await captchaHash() }));
    const lateCode = lastCode(f.server, late, 'CAMPUS_REGISTER_CODE');
    f.server.clock.advance(3 * 60_000 + 1000);
    const expired = await f.campus.call('user.register', { phone: late, hash: md5(lateCode + sent.rand), rand: sent.rand, password: 'secret_1' });
    expect(expired.code).to.be.oneOf([503, 700]);
    expect(await f.server.app.db('users').where({ mobile: late }).first()).to.equal(undefined);
  });

  it('sms.generate refuses a wrong or reused captcha, a non-mainland phone, and a second send within 60 s', async () => {
    const phone = uniqueMobile();
    const sentBefore = outboxMessages(f.server).length;
    refusedWith(await f.campus.call('sms.generate', { phone, hash: md5('nope') }), /captcha wrong or expired/);
    refusedWith(await f.campus.call('sms.generate', { phone: '+85212345678', hash: await captchaHash() }), /phone invalid/);
    refusedWith(await f.campus.call('sms.generate', { phone: '12012345678', hash: await captchaHash() }), /phone invalid/);
    const hash = await captchaHash();
    okData(await f.campus.call('sms.generate', { phone, hash }));
    refusedWith(await f.campus.call('sms.generate', { phone, hash }), /captcha wrong or expired/);
    refusedWith(await f.campus.call('sms.generate', { phone, hash: await captchaHash() }), /60/);
    expect(outboxMessages(f.server).length).to.equal(sentBefore + 1);
    refusedWith(await f.campus.call('user.register', { phone, password: 'secret_1' }), /code, or hash and rand/);
    refusedWith(await f.campus.call('user.register', { phone, hash: md5('x'), password: 'secret_1' }), /rand/);
  });

  it('5 parallel sms.generate with one captcha send one SMS', async () => {
    const hash = await captchaHash();
    const phones = Array.from({ length: 5 }, () => uniqueMobile());
    const answers = await Promise.all(phones.map((phone) => f.campus.call('sms.generate', { phone, hash })));
    expect(answers.filter((a) => a.code === 200)).to.have.length(1);
  });
});

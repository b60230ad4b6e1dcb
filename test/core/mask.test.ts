import { expect } from 'chai';
import { maskSensitive } from '../../app/core/mask';

describe('maskSensitive', () => {
  it('hides secrets entirely and leaves a hint of personal identifiers, at any depth', () => {
    const masked = maskSensitive({
      method: 'user.login',
      password: 'hunter2',
      token: 'abcdef0123456789',
      code: '123456',
      mobile: '13800138000',
      nested: { new_pwd: 'x', list: [{ sms_code: '654321', realname: '张三丰先生' }] },
      empty: { password: '' },
    });
    expect(masked).to.deep.equal({
      method: 'user.login',
      password: '***',
      token: '***',
      code: '***',
      mobile: '13***00',
      nested: { new_pwd: '***', list: [{ sms_code: '***', realname: '***' }] },
      empty: { password: '' },
    });
  });

  it('leaves the original untouched', () => {
    const original = { password: 'p@ss' };
    maskSensitive(original);
    expect(original.password).to.equal('p@ss');
  });
});

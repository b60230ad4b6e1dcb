import { expect } from 'chai';
import Joi from 'joi';
import { areaCodeField, isPhoneOfArea, withPhoneOfArea } from '../../../app/platform/identity/fields';

describe('identity fields: phones with an area code', () => {
  it('86 takes mainland mobiles only; other areas take 5 to 15 digits', () => {
    expect(isPhoneOfArea('86', '13800138000')).to.equal(true);
    expect(isPhoneOfArea('86', '12800138000')).to.equal(false);
    expect(isPhoneOfArea('86', '5550001')).to.equal(false);
    expect(isPhoneOfArea('1', '5550001')).to.equal(true);
    expect(isPhoneOfArea('852', '12345')).to.equal(true);
    expect(isPhoneOfArea('852', '1234')).to.equal(false);
    expect(isPhoneOfArea('44', '1'.repeat(15))).to.equal(true);
    expect(isPhoneOfArea('44', '1'.repeat(16))).to.equal(false);
    expect(isPhoneOfArea('44', '12345a')).to.equal(false);
  });

  const schema = withPhoneOfArea(Joi.object({ country: areaCodeField(), phone: Joi.string().required() }), 'country', 'phone');

  it('defaults the area to 86 and checks the phone against it', () => {
    expect(schema.validate({ phone: '13800138000' }).value).to.deep.equal({ country: '86', phone: '13800138000' });
    expect(schema.validate({ phone: '5550001' }).error?.message).to.equal('"phone" is not a valid phone number for area 86');
    expect(schema.validate({ country: '1', phone: '5550001' }).error).to.equal(undefined);
    expect(schema.validate({ country: '12345', phone: '5550001' }).error?.message).to.equal('"country" must be 1 to 4 digits');
  });
});

import { expect } from 'chai';
import { JsonText } from '../../app/core/jsonText';

describe('core/jsonText', () => {
  it('keeps a value as its JSON text and gives the value back', () => {
    const value = { list: [{ id: 1, title: '新闻 "quoted" \u2028' }], total: 1, isnext: false };
    const held = JsonText.of(value);
    expect(held.text).to.equal(JSON.stringify(value));
    expect(held.value()).to.deep.equal(value);
  });

  it('serialises as its value wherever it is nested, so no answer can carry it wrongly', () => {
    const held = new JsonText('{"a":[1,2]}');
    expect(JSON.stringify({ code: 200, msg: 'ok', data: held })).to.equal('{"code":200,"msg":"ok","data":{"a":[1,2]}}');
  });
});

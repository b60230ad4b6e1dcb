import { expect } from 'chai';
import { DISTRICT } from '../../../../../../app/products/app/demo/011_accounts';
import { addAddress, startAccountServer } from '../../../../../helpers/accounts';
import type { TestClient, TestServer } from '../../../../../helpers/harness';
import { createTestUser } from '../../../../../helpers/users';

describe('user.address.list', () => {
  let server: TestServer;
  let client: TestClient;

  before(async () => ({ server, client } = await startAccountServer()));
  after(() => server.stop());

  it('lists live addresses with region names, the default first, then newest first', async () => {
    const user = await createTestUser(server);
    const a = await addAddress(client, user.token, { realname: '甲甲', district_id: DISTRICT.YUEHAI });
    const b = await addAddress(client, user.token, { realname: '乙乙', district_id: DISTRICT.CHAOYANG, mobile: '13700001111', address: '朝阳路8号' });
    const c = await addAddress(client, user.token, { realname: '丙丙', district_id: DISTRICT.LUJIAZUI });
    const gone = await addAddress(client, user.token);
    await client.call('user.address.delete', { addressid: gone }, { token: user.token });

    const answer = await client.call<{ list: Array<Record<string, unknown>> }>('user.address.list', {}, { token: user.token });
    expect(answer.code).to.equal(200);
    expect(answer.data!.list.map((x) => x.addressid)).to.deep.equal([a, c, b]);
    expect(answer.data!.list[0]).to.deep.equal({
      addressid: a,
      realname: '甲甲',
      mobile: '13912345678',
      districtid: DISTRICT.YUEHAI,
      address: '科技园南区1号',
      province_name: '广东省',
      city_name: '深圳市',
      district_name: '南山区',
      street_name: '粤海街道',
      is_default: 1,
    });
    expect(answer.data!.list[2]).to.include({
      addressid: b,
      mobile: '13700001111',
      address: '朝阳路8号',
      province_name: '北京市',
      city_name: '北京市',
      district_name: '朝阳区',
      street_name: '',
      is_default: 0,
    });
  });

  it('an empty list is {list: []}; other members\' addresses never show', async () => {
    const user = await createTestUser(server);
    const other = await createTestUser(server);
    await addAddress(client, other.token);
    expect(await client.call('user.address.list', {}, { token: user.token })).to.deep.equal({ code: 200, msg: 'success', data: { list: [] } });
  });

  it('602 without a session', async () => {
    expect((await client.call('user.address.list')).code).to.equal(602);
  });
});

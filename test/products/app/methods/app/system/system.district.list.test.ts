import { expect } from 'chai';
import { DISTRICT } from '../../../../../../app/products/app/demo/011_accounts';
import { startTestServer, type TestClient, type TestServer } from '../../../../../helpers/harness';

interface Child {
  districtid: number;
  name: string;
  region_type: number;
}

describe('system.district.list', () => {
  let server: TestServer;
  let client: TestClient;
  const list = (params: Record<string, unknown>) => client.call<{ list: Child[] }>('system.district.list', params);

  before(async () => {
    // The test config installs 3 provinces; this file asks for a few more to check the top level.
    server = await startTestServer({ districts: { provinces: ['11', '31', '44', '46', '50'] } });
    client = await server.client('app');
  });
  after(() => server.stop());

  it('answers the provinces by GB/T 2260 code when parentid is left out', async () => {
    const answer = await list({});
    expect(answer.code, answer.msg).to.equal(200);
    expect(answer.data).to.deep.equal({
      list: [
        { districtid: 110000, name: '北京市', region_type: 1 },
        { districtid: 310000, name: '上海市', region_type: 1 },
        { districtid: 440000, name: '广东省', region_type: 1 },
        { districtid: 460000, name: '海南省', region_type: 1 },
        { districtid: 500000, name: '重庆市', region_type: 1 },
      ],
    });
    expect((await list({ parentid: 0 })).data).to.deep.equal(answer.data);
  });

  it('walks down to the streets with the real codes', async () => {
    const cities = (await list({ parentid: DISTRICT.GUANGDONG })).data!.list;
    expect(cities).to.have.length(21);
    expect(cities).to.deep.include({ districtid: DISTRICT.SHENZHEN, name: '深圳市', region_type: 2 });
    const districts = (await list({ parentid: DISTRICT.SHENZHEN })).data!.list;
    expect(districts).to.deep.include({ districtid: DISTRICT.NANSHAN, name: '南山区', region_type: 3 });
    const streets = (await list({ parentid: DISTRICT.NANSHAN })).data!.list;
    expect(streets.slice(0, 2)).to.deep.equal([
      { districtid: 440305001, name: '南头街道', region_type: 4 },
      { districtid: 440305002, name: '南山街道', region_type: 4 },
    ]);
    expect(streets).to.deep.include({ districtid: DISTRICT.YUEHAI, name: '粤海街道', region_type: 4 });
    expect(streets.map((s) => s.districtid)).to.deep.equal([...streets.map((s) => s.districtid)].sort((a, b) => a - b));
  });

  it('municipalities have a 市辖区 city level; 东莞-style cities have streets straight under the city', async () => {
    expect((await list({ parentid: 110000 })).data!.list).to.deep.equal([{ districtid: 110100, name: '市辖区', region_type: 2 }]);
    expect((await list({ parentid: 500000 })).data!.list.map((c) => c.name)).to.deep.equal(['市辖区', '县']);
    const danzhou = (await list({ parentid: 460400 })).data!.list;
    expect(danzhou).to.not.be.empty;
    expect(danzhou.every((s) => s.region_type === 4 && String(s.districtid).startsWith('460400'))).to.equal(true);
  });

  it('an unknown parent, a street and a province not installed answer an empty list', async () => {
    for (const parentid of [123, DISTRICT.YUEHAI, 320000, 999_999_999]) {
      const answer = await list({ parentid });
      expect(answer.code, String(parentid)).to.equal(200);
      expect(answer.data).to.deep.equal({ list: [] });
    }
  });

  it('a district switched off is left out once the cached list expires', async () => {
    expect((await list({ parentid: DISTRICT.NANSHAN })).data!.list).to.deep.include({ districtid: DISTRICT.YUEHAI, name: '粤海街道', region_type: 4 });
    await server.app.db('districts').where({ districtid: DISTRICT.YUEHAI }).update({ status: 0 });
    server.clock.advance(10 * 60_000 + 1);
    const streets = (await list({ parentid: DISTRICT.NANSHAN })).data!.list;
    expect(streets.map((s) => s.districtid)).to.not.include(DISTRICT.YUEHAI);
    await server.app.db('districts').where({ districtid: DISTRICT.YUEHAI }).update({ status: 1 });
  });

  for (const parentid of [-1, 1.5, 'abc', 1_000_000_000, [1]]) {
    it(`refuses parentid ${JSON.stringify(parentid)} with 503 naming it`, async () => {
      const answer = await list({ parentid });
      expect(answer.code).to.equal(503);
      expect(answer.msg).to.contain('parentid');
    });
  }
});

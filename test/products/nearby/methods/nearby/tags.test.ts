import { expect } from 'chai';
import { ok, refused, useNearbyServer } from '../../helpers';

describe('nearby tags.text / tags.item', () => {
  const f = useNearbyServer();

  it('tags.text gives the seed example exactly: one list per text, in input order, by code point', async () => {
    const data = ok(await f.client.call('tags.text', { text_list: ['2020网红新款夏季清凉女装', '99%细菌过滤，儿童一次性医用口罩 10枚'] }));
    expect(data).to.deep.equal({
      num: 2,
      list: [
        ['2020', '夏季', '女装', '新款', '清凉', '网红'],
        ['10', '99', '一次性', '儿童', '医用', '口罩', '细菌', '过滤'],
      ],
    });
  });

  it('a lone text is a list of one; text_list wins over text; topk bounds each list', async () => {
    expect(ok(await f.client.call('tags.text', { text: '2020网红新款夏季清凉女装' }))).to.deep.equal({
      num: 1,
      list: [['2020', '夏季', '女装', '新款', '清凉', '网红']],
    });
    const both = ok<{ list: string[][] }>(await f.client.call('tags.text', { text: '口罩', text_list: ['夏季女装'] }));
    expect(both.list).to.deep.equal([['夏季', '女装'].sort()]);
    const top = ok<{ list: string[][] }>(await f.client.call('tags.text', { text: '99%细菌过滤，儿童一次性医用口罩 10枚', topk: 2 }));
    expect(top.list[0]).to.have.length(2);
  });

  it('refuses no text, empty or oversized inputs', async () => {
    refused(await f.client.call('tags.text', {}), /text or text_list required/);
    refused(await f.client.call('tags.text', { text_list: [] }), /text_list/);
    refused(await f.client.call('tags.text', { text_list: ['x'.repeat(501)] }), /text_list/);
    refused(await f.client.call('tags.text', { text_list: Array(51).fill('口罩') }), /text_list/);
    refused(await f.client.call('tags.text', { text: 'a', topk: 21 }), /topk/);
  });

  it('tags.item: staff only; re-extracts the stored tags; an unknown id names itself and changes nothing', async () => {
    const staff = await f.resident({ role: 1 });
    const member = await f.resident();
    const id = await f.item({ name: '补水保湿玻尿酸面膜' });
    const tags = () => f.server.app.db('nearby_item_tags').where({ item_id: Number(id) }).orderBy('tag').pluck('tag');
    expect(await tags()).to.include.members(['玻尿酸', '面膜', '补水', '保湿']);
    await f.server.app.db('nearby_item_tags').where({ item_id: Number(id) }).delete();

    refused(await f.client.call('tags.item', { item_list: [id] }, { token: member.token }), /not allowed/);
    expect(await tags()).to.deep.equal([]);
    refused(await f.client.call('tags.item', { item_list: [id, '99999'] }, { token: staff.token }), /item not found: 99999/);
    expect(await tags()).to.deep.equal([]);
    expect(await f.as(staff, 'tags.item', { item_list: [Number(id)] })).to.deep.equal({});
    expect(await tags()).to.include.members(['玻尿酸', '面膜']);
    expect((await f.client.call('tags.item', { item_list: [id] })).code).to.equal(602);
  });
});

import { expect } from 'chai';
import { SHOW_DEMO_BALANCE_CENTS, SHOW_DEMO_PHONES, SHOW_DEMO_USER } from '../../../../app/products/show/demo/010_people';
import { userDirectory } from '../../../../app/platform/identity/users';
import { startTestServer, type TestServer } from '../../../helpers/harness';
import { seedDemoAndLogin, type DemoSession } from '../helpers';
import { expectWalletBalanced } from '../../../helpers/wallet';

/** The show people demo: the documented login works and the people's lists answer for it. */
describe('show demo: 010_people', () => {
  let server: TestServer;
  let demo: DemoSession;
  const call: DemoSession['call'] = (method, params) => demo.call(method, params);
  const count = async (table: string, where: Record<string, unknown> = {}) => Number((await server.app.db(table).where(where).count({ n: '*' }))[0].n);

  before(async () => {
    server = await startTestServer();
    demo = await seedDemoAndLogin(server);
  });
  after(() => server.stop());

  it('the demo user is 秀秀 with 1000.00 in the wallet (the paid demo orders topped up first); twelve people, two masters, three merchants with shop cards', async () => {
    const me = (await call<{ my_user_info: Record<string, unknown> }>('my.user.info')).my_user_info;
    expect(me).to.include({ nickname: SHOW_DEMO_USER.nickname, phone: SHOW_DEMO_USER.phone, country: '86', category: 0 });
    expect(me.avatar).to.match(/^http.*\/files\//);
    expect((await fetch(`${server.url}${new URL(me.avatar as string).pathname}`)).status).to.equal(200);
    const demoId = (await server.app.use(userDirectory).byMobile(SHOW_DEMO_USER.phone))!.id;
    const wallet = await call<{ balance: number }>('wallet.info');
    expect(wallet.balance).to.equal(SHOW_DEMO_BALANCE_CENTS / 100);
    await expectWalletBalanced(server, demoId);
    for (const phone of SHOW_DEMO_PHONES.slice(1)) {
      const other = await demo.show.call('user.login', { phone, password: SHOW_DEMO_USER.password });
      expect(other.code, phone).to.equal(200);
    }
    expect(await count('show_users', { category: 1 })).to.equal(2);
    expect(await count('show_users', { category: 2 })).to.equal(3);
    expect(await count('show_merchants')).to.equal(3);
    expect((await call<{ master_list: unknown[] }>('get.master.list')).master_list).to.have.length(2);
  });

  it('follows 4, followed by 5, one block of its own (two in all), five conversations of 40 messages, 4 + 3 banners', async () => {
    const following = await call<{ my_following: string[]; total: number }>('my.following');
    expect(following.total).to.equal(4);
    const followers = await call<{ my_follower: string[]; total: number }>('my.follower');
    expect(followers.total).to.equal(5);
    expect((await call<{ total: number }>('my.block')).total).to.equal(1);
    expect(await count('show_blocks')).to.equal(2);
    const blocks = (await server.app.db('show_blocks').select('user_id', 'to_user_id')) as Array<{ user_id: number; to_user_id: number }>;
    for (const b of blocks) {
      const between = await server.app.db('show_follows').where({ user_id: b.user_id, to_user_id: b.to_user_id }).orWhere({ user_id: b.to_user_id, to_user_id: b.user_id }).first();
      expect(between, 'no follow beside a block').to.equal(undefined);
    }
    expect(await count('show_messages')).to.equal(40);
    const conversation = await call<{ my_message: Array<{ from_uid: string; to_uid: string }>; total: number }>('my.message', { to_uid: following.my_following[0] });
    expect(conversation.total).to.equal(8);
    expect((await call<{ home_banner: unknown[] }>('home.banner')).home_banner).to.have.length(4);
    expect((await call<{ ticket_banner: unknown[] }>('ticket.banner')).ticket_banner).to.have.length(3);
  });
});

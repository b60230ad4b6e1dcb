import { expect } from 'chai';
import { DuplicateUserError, GENDER, ROLE, userDirectory } from '../../../app/platform/identity/users';
import { startTestServer, type TestServer } from '../../helpers/harness';

async function duplicate(write: Promise<unknown>): Promise<string> {
  try {
    await write;
  } catch (err) {
    if (err instanceof DuplicateUserError) return err.field;
    throw err;
  }
  throw new Error('the write went through');
}

describe('UserDirectory: one account across the products', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer();
  });
  after(() => server.stop());

  const users = () => server.app.use(userDirectory);

  it('creates an account with the shared defaults: area 86, role user, gender secret, no e-mail or username', async () => {
    const user = await users().create({ mobile: '13900000001' });
    expect(user).to.include({ area_code: '86', mobile: '13900000001', email: null, username: null, role: ROLE.USER, gender: GENDER.SECRET, status: 1, birthday: null });
    expect(user.open_id).to.match(/^[0-9a-f]{32}$/);
    expect((await users().byMobile('13900000001'))!.id).to.equal(user.id);
    expect((await users().byOpenId(user.open_id))!.id).to.equal(user.id);
  });

  it('a phone number is unique within its area code, and the same digits may exist in another area', async () => {
    await users().create({ mobile: '5550001', area_code: '1' });
    expect(await duplicate(users().create({ mobile: '5550001', area_code: '1' }))).to.equal('mobile');
    const other = await users().create({ mobile: '5550001', area_code: '852' });
    expect((await users().byMobile('5550001', '852'))!.id).to.equal(other.id);
    expect(await users().byMobile('5550001')).to.equal(undefined); // area 86 by default
  });

  it('e-mail is unique case-insensitively, stored lower-case; "" means none and never collides', async () => {
    const alice = await users().create({ email: ' Alice@Example.COM ' });
    expect(alice.email).to.equal('alice@example.com');
    expect(alice.mobile).to.equal(null);
    expect((await users().byEmail('ALICE@example.com'))!.id).to.equal(alice.id);
    expect(await duplicate(users().create({ email: 'alice@EXAMPLE.com' }))).to.equal('email');
    const a = await users().create({ email: '', mobile: '13900000002' });
    const b = await users().create({ email: '', mobile: '13900000003' });
    expect([a.email, b.email]).to.deep.equal([null, null]);
    expect(await users().byEmail('')).to.equal(undefined);
  });

  it('usernames are unique case-insensitively (stored lower-case) and unset ones never collide', async () => {
    const bob = await users().create({ username: 'Bob_1', mobile: '13900000004' });
    expect(bob.username).to.equal('bob_1');
    expect((await users().byUsername('BOB_1'))!.id).to.equal(bob.id);
    expect(await duplicate(users().create({ username: 'bob_1', mobile: '13900000005' }))).to.equal('username');
    const carol = await users().create({ mobile: '13900000006' });
    expect(await duplicate(users().setIdentifiers(carol.id, { username: 'BOB_1' }))).to.equal('username');
    expect(await users().setIdentifiers(carol.id, { username: 'carol', email: 'Carol@Example.com' })).to.equal(true);
    expect(await users().byId(carol.id)).to.include({ username: 'carol', email: 'carol@example.com' });
  });

  it('updates the shared profile, status and role, and stamps u_time', async () => {
    const user = await users().create({ mobile: '13900000007' });
    server.clock.advance(5000);
    const profile = { nickname: '小明', gender: GENDER.MALE, birthday: '1990-05-01', province: '浙江省', city: '杭州市', address: '西湖区1号', intro: 'hi', headimg: 'https://example.com/a.png' };
    expect(await users().updateProfile(user.id, profile)).to.equal(true);
    expect(await users().setRole(user.id, ROLE.STAFF)).to.equal(true);
    expect(await users().setStatus(user.id, 0)).to.equal(true);
    const after = (await users().byId(user.id))!;
    expect(after).to.include({ ...profile, role: ROLE.STAFF, status: 0 });
    expect(after.u_time).to.be.greaterThan(user.u_time);
    expect(await users().statusOf(user.id)).to.equal(0);
    expect(await users().updateProfile(999_999, { nickname: 'x' })).to.equal(false);
  });

  it('a password or mobile change stamps pwd_changed_at; a rehash does not', async () => {
    const user = await users().create({ mobile: '13900000008', password_hash: 'old' });
    server.clock.advance(1000);
    await users().rehashPassword(user.id, 'rehashed');
    expect((await users().byId(user.id))!.pwd_changed_at).to.equal(user.pwd_changed_at);
    let before = server.clock.now();
    await users().setPasswordHash(user.id, 'new');
    const changed = (await users().byId(user.id))!;
    expect(changed.password_hash).to.equal('new');
    expect(changed.pwd_changed_at).to.be.within(before, server.clock.now());
    server.clock.advance(1000);
    expect(await duplicate(users().setMobile(user.id, '13900000001'))).to.equal('mobile');
    before = server.clock.now();
    await users().setMobile(user.id, '13900000009');
    expect((await users().byId(user.id))!.pwd_changed_at).to.be.within(before, server.clock.now());
  });

  it('byIds and idsOf answer only the accounts named', async () => {
    const [a, b] = [await users().create({ mobile: '13900000010' }), await users().create({ mobile: '13900000011' })];
    expect((await users().byIds([b.id, a.id, a.id, 999_999])).map((u) => u.id).sort()).to.deep.equal([a.id, b.id].sort());
    expect(await users().byIds([])).to.deep.equal([]);
    const ids = await users().idsOf({ open_id: a.open_id });
    expect(ids.map((r: { id: number }) => Number(r.id))).to.deep.equal([a.id]);
    expect(await users().idsOf({ email: '' })).to.deep.equal([]);
  });
});

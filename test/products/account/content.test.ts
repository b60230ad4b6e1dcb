import { expect } from 'chai';
import { expectShape } from '../../helpers/shape';
import { accountUser, ADMIN_ID, expectAccountPage, ok, refusedWith, TIME, useAccountServer, type AccountUser } from './helpers';

const FAQ_EXAMPLE = { id: 2, app_id: '', created_at: '2019-05-23 18:17:16', updated_at: '2019-05-23 18:17:16', title: '标题', content: '内容', category: '', external_link: '' };
const CATEGORY_EXAMPLE = { id: 1, app_id: '', created_at: '2019-05-24 11:28:08', updated_at: '2019-05-24 11:30:57', name: 'app', description: 'app' };
const FEEDBACK_EXAMPLE = {
  id: 3, app_id: '', created_at: '2019-05-24 11:48:47', updated_at: '2019-05-24 11:48:47', feedback_content: '反馈内容',
  feedback_status: 0, feedback_category_id: 1, contact_phone: '18656660930', user_id: 2,
};
const REPLY_EXAMPLE = { id: 2, app_id: '', created_at: '2019-05-24 14:02:44', updated_at: '2019-05-24 14:02:44', reply_content: '回复内容', manager_id: 2, feedback_id: 3, is_read: false };

describe('account: FAQ, feedback categories and feedback (signed calls, account and admin namespaces)', () => {
  const fixture = useAccountServer();
  let alice: AccountUser;
  let bob: AccountUser;

  before(async () => {
    alice = await accountUser(fixture);
    bob = await accountUser(fixture);
  });

  describe('FAQ', () => {
    let globalId: number;
    let ownId: number;
    let otherAppId: number;

    before(async () => {
      const other = await fixture.server.client('account');
      globalId = ok<{ id: number }>(await fixture.admin('account.faq.add', { app_id: '', title: '全局', content: '所有应用可见', sort: 1 })).id;
      const own = ok<Record<string, unknown>>(
        await fixture.admin('account.faq.add', { app_id: fixture.account.appid, title: '如何注册', content: '用手机或邮箱', category: '账号', external_link: 'https://example.com/help' }),
      );
      expectShape(own, FAQ_EXAMPLE);
      expect(own).to.include({ app_id: fixture.account.appid, title: '如何注册', category: '账号', external_link: 'https://example.com/help' });
      ownId = own.id as number;
      otherAppId = ok<{ id: number }>(await fixture.admin('account.faq.add', { app_id: other.appid, title: '别的应用', content: 'x' })).id;
    });

    it('faq.list answers the catalogue page with this appid\'s and the global pages, sort first', async () => {
      const rows = expectAccountPage(ok(await alice.call('faq.list')), { total: 2 });
      expect(rows.map((r) => r.id)).to.deep.equal([ownId, globalId]);
      for (const row of rows) expectShape(row, FAQ_EXAMPLE);
      expect(rows[0].created_at).to.match(TIME);
      const second = expectAccountPage(ok(await alice.call('faq.list', { page_no: 2, page_size: 1 })), { total: 2, page_size: 1, current_page: 2 });
      expect(second.map((r) => r.id)).to.deep.equal([globalId]);
      refusedWith(await alice.call('faq.list', { page_size: 101 }), 503, /page_size/);
      refusedWith(await alice.call('faq.list', { page_no: 0 }), 503, /page_no/);
    });

    it('faq.detail answers a visible page and 503 for another appid\'s or a missing one', async () => {
      expectShape(ok(await alice.call('faq.detail', { id: globalId })), FAQ_EXAMPLE);
      refusedWith(await alice.call('faq.detail', { id: otherAppId }), 503, /FAQ not found/);
      refusedWith(await alice.call('faq.detail', { id: 999_999 }), 503, /FAQ not found/);
      refusedWith(await alice.call('faq.detail', {}), 503, /"id" is required/);
    });

    it('needs a token of the account product', async () => {
      refusedWith(await fixture.account.call('faq.list'), 602);
      refusedWith(await fixture.account.call('faq.list', {}, { token: 'f'.repeat(48) }), 601);
    });

    it('account.faq.edit changes what faq.detail shows; account.faq.delete removes it; list filters by app_id', async () => {
      const edited = ok<Record<string, unknown>>(await fixture.admin('account.faq.edit', { id: ownId, title: '如何注册账号' }));
      expect(edited.title).to.equal('如何注册账号');
      expect(ok<Record<string, unknown>>(await alice.call('faq.detail', { id: ownId })).title).to.equal('如何注册账号');
      refusedWith(await fixture.admin('account.faq.edit', { id: ownId }), 503, /at least one/);
      refusedWith(await fixture.admin('account.faq.edit', { id: 999_999, title: 'x' }), 503, /FAQ not found/);
      refusedWith(await fixture.admin('account.faq.add', { app_id: 'nosuchappid', title: 'x', content: 'y' }), 503, /app_id/);
      refusedWith(await fixture.admin('account.faq.add', { title: 'x', content: 'y', external_link: 'javascript:alert(1)' }), 503, /external_link/);
      refusedWith(await fixture.adminClient.call('account.faq.add', { title: 'x', content: 'y' }), 503, /admin_id/);
      expectAccountPage(ok(await fixture.admin('account.faq.list')), { total: 3 });
      expectAccountPage(ok(await fixture.admin('account.faq.list', { app_id: fixture.account.appid })), { total: 2 });
      expect(ok(await fixture.admin('account.faq.delete', { id: ownId }))).to.deep.equal({});
      refusedWith(await alice.call('faq.detail', { id: ownId }), 503, /FAQ not found/);
      refusedWith(await fixture.admin('account.faq.delete', { id: ownId }), 503, /FAQ not found/);
      const row = await fixture.server.app.db('account_faqs').where({ id: globalId }).first();
      expect(row.c_by).to.equal(ADMIN_ID);
    });
  });

  describe('feedback categories and feedback', () => {
    let categoryId: number;
    let foreignCategory: number;

    before(async () => {
      const other = await fixture.server.client('account');
      const added = ok<Record<string, unknown>>(await fixture.admin('account.feedback_category.add', { name: 'app', description: 'app 问题' }));
      expectShape(added, CATEGORY_EXAMPLE);
      categoryId = added.id as number;
      foreignCategory = ok<{ id: number }>(await fixture.admin('account.feedback_category.add', { app_id: other.appid, name: '别的' })).id;
    });

    it('feedback_category.list answers the visible categories; edit shows through', async () => {
      const edited = ok<Record<string, unknown>>(await fixture.admin('account.feedback_category.edit', { id: categoryId, description: 'app' }));
      expect(edited.description).to.equal('app');
      const rows = expectAccountPage(ok(await alice.call('feedback_category.list')), { total: 1 });
      expectShape(rows[0], CATEGORY_EXAMPLE);
      expect(rows[0]).to.include({ id: categoryId, name: 'app', description: 'app' });
      expectAccountPage(ok(await fixture.admin('account.feedback_category.list')), { total: 2 });
      refusedWith(await fixture.admin('account.feedback_category.edit', { id: 999_999, name: 'x' }), 503, /category not found/);
    });

    it('feedback.create stores a new feedback; a category of another appid is refused', async () => {
      const created = ok<Record<string, unknown>>(await alice.call('feedback.create', { feedback_content: '反馈内容', feedback_category_id: categoryId, contact_phone: '18656660930' }));
      expectShape(created, FEEDBACK_EXAMPLE);
      expect(created).to.include({ feedback_status: 0, feedback_category_id: categoryId, user_id: alice.id, app_id: fixture.account.appid });
      const row = await fixture.server.app.db('account_feedbacks').where({ id: created.id }).first();
      expect(row.feedback_content).to.equal('反馈内容');
      refusedWith(await alice.call('feedback.create', { feedback_content: 'x', feedback_category_id: foreignCategory }), 503, /category not found/);
      refusedWith(await alice.call('feedback.create', { feedback_content: '' }), 503, /feedback_content/);
      refusedWith(await alice.call('feedback.create', { feedback_content: 'x'.repeat(1001) }), 503, /feedback_content/);
      const bare = ok<Record<string, unknown>>(await alice.call('feedback.create', { feedback_content: '没有分类' }));
      expect(bare).to.include({ feedback_category_id: 0, contact_phone: '' });
    });

    it('feedback.list answers the caller\'s own, newest first; feedback.delete hides one of theirs only', async () => {
      const rows = expectAccountPage(ok(await alice.call('feedback.list')), { total: 2 });
      expect(rows[0].feedback_content).to.equal('没有分类');
      for (const row of rows) expectShape(row, FEEDBACK_EXAMPLE);
      expectAccountPage(ok(await bob.call('feedback.list')), { total: 0 });
      refusedWith(await bob.call('feedback.delete', { id: rows[0].id }), 503, /feedback not found/);
      expect(ok(await alice.call('feedback.delete', { id: rows[0].id }))).to.deep.equal({});
      expectAccountPage(ok(await alice.call('feedback.list')), { total: 1 });
      refusedWith(await alice.call('feedback.delete', { id: rows[0].id }), 503, /feedback not found/);
      const row = await fixture.server.app.db('account_feedbacks').where({ id: rows[0].id }).first();
      expect(row.deleted_at).to.be.above(0);
    });

    it('account.feedback.reply: the user reads the latest reply ({} before), which marks it read', async () => {
      const [feedback] = expectAccountPage(ok(await alice.call('feedback.list')), { total: 1 });
      expect(ok(await alice.call('feedback.reply', { feedback_id: feedback.id }))).to.deep.equal({});
      const first = ok<{ reply_id: number }>(await fixture.admin('account.feedback.reply', { feedback_id: feedback.id, reply_content: '第一条' }));
      const latest = ok<{ reply_id: number }>(await fixture.admin('account.feedback.reply', { feedback_id: feedback.id, reply_content: '回复内容' }));
      expect(latest.reply_id).to.be.above(first.reply_id);
      expect(ok<Record<string, unknown>>(await alice.call('feedback.list')).data).to.have.nested.property('[0].feedback_status', 1);
      const reply = ok<Record<string, unknown>>(await alice.call('feedback.reply', { feedback_id: feedback.id }));
      expectShape(reply, REPLY_EXAMPLE);
      expect(reply).to.include({ id: latest.reply_id, reply_content: '回复内容', manager_id: ADMIN_ID, feedback_id: feedback.id, is_read: false });
      expect(ok<Record<string, unknown>>(await alice.call('feedback.reply', { feedback_id: feedback.id })).is_read).to.equal(true);
      refusedWith(await bob.call('feedback.reply', { feedback_id: feedback.id }), 503, /feedback not found/);
      refusedWith(await fixture.admin('account.feedback.reply', { feedback_id: 999_999, reply_content: 'x' }), 503, /feedback not found/);
    });

    it('account.feedback.list shows every user\'s feedback, filtered by status', async () => {
      await bob.call('feedback.create', { feedback_content: 'bob 的反馈' });
      expectAccountPage(ok(await fixture.admin('account.feedback.list')), { total: 2 });
      const fresh = expectAccountPage(ok(await fixture.admin('account.feedback.list', { feedback_status: 0 })), { total: 1 });
      expect(fresh[0].user_id).to.equal(bob.id);
      expectAccountPage(ok(await fixture.admin('account.feedback.list', { feedback_status: 1 })), { total: 1 });
      refusedWith(await fixture.admin('account.feedback.list', { feedback_status: 5 }), 503, /feedback_status/);
    });

    it('at most 20 feedbacks a day, also when sent in parallel', async () => {
      const carol = await accountUser(fixture);
      const answers = await Promise.all(Array.from({ length: 25 }, (_, i) => carol.call('feedback.create', { feedback_content: `#${i}` })));
      expect(answers.filter((a) => a.code === 200)).to.have.length(20);
      for (const refused of answers.filter((a) => a.code !== 200)) refusedWith(refused, 503, /too many feedbacks/);
      fixture.server.clock.advance(24 * 3600 * 1000);
      ok(await carol.call('feedback.create', { feedback_content: 'next day' }));
    });
  });
});

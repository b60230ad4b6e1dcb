import { expect } from 'chai';
import { refused, useAdminServer } from '../helpers/admin';

// Found by test/protocol/hostile.test.ts on MariaDB: an id rule without a maximum let 13800138000 through
// to an INT column (admin_id → c_by), and the database's out-of-range error answered 500.
describe('core/fields: ids stay within the INT columns they are stored in', () => {
  const t = useAdminServer(1);

  it('an admin_id or a row id past 2^31 - 1 is refused by the field rule (503 naming it), on every engine', async () => {
    refused(await t.adminClient.call('upgrade.delete', { admin_id: 13_800_138_000, id: 1 }), /"admin_id" must be less than or equal to 2147483647/);
    refused(await t.admin('link.add', { cat_id: 2 ** 31, link_name: 'x', link_url: 'https://a.test' }), /"cat_id" must be less than or equal to 2147483647/);
    refused(await t.app.call('goods.detail', { goods_id: 2 ** 32 }), /"goods_id" must be less than or equal to 2147483647/);
    refused(await t.admin('category.add', { cat_type: 1, cat_name: 'x', parentid: 2 ** 32 }), /"parentid" must be less than or equal to 2147483647/);
  });
});

import type { Knex } from 'knex';

/**
 * `goods.list` reads goods on shelf newest first: (status, goodsid) walks the index in order and stops
 * after one page, where (status, cat_id) had to sort every goods on shelf first (EXPLAIN: filesort).
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('goods', (t) => {
    t.index(['status', 'goodsid'], 'goods_status_goodsid_index');
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('goods', (t) => {
    t.dropIndex(['status', 'goodsid'], 'goods_status_goodsid_index');
  });
}

import type { Knex } from 'knex';
import { auditors, createTable, timestamps } from '../../schema-helpers';

/**
 * Content the app shows and the back office edits (catalog-app "Data", issue 4).
 * "audit" below = c_time, u_time (unix seconds), c_by, u_by (admin id, 0 = system).
 * Status columns are 1 live / 0 off / 2 deleted unless noted. Terminal bits (anchor §0):
 * Android 1, iOS 2, PC 4, H5 8, mini-program 16; 0 = every platform.
 *
 * ad_positions  pos_id PK, pos_name(50), pos_code(50) UNIQUE, pos_ad_count smallint=5, status=1, audit
 * ads           ad_id PK, pos_id, ad_name(50), ad_image_url(255), ad_ipx_image_url(255)='', ad_url(255)='',
 *               start_time, end_time (unix s), display=1, status=1, listorder=0, terminal=0 (bits, 0 = all),
 *               type_flag=3 (audience bits: 1 logged-in, 2 guest, 4 registered >= 30 days), remark(255)='',
 *               audit; INDEX (pos_id, status, end_time)
 * categories    cat_id PK, cat_name(20), cat_type (1 news/2 link/3 goods), parentid=0, lv=1,
 *               cat_code(30) UNIQUE (parent code + 3-digit sibling number from 100), display=1, status=1,
 *               listorder=0, audit; INDEX (cat_type, parentid)
 * links         link_id PK, cat_id, link_name(50), link_url(255), image_url(255)='', display=1, status=1,
 *               listorder=0, audit; INDEX (cat_id)
 * news          news_id PK, cat_id, title(50), intro(250)='', image_url(255)='', source(20)='', display=1,
 *               status=1, listorder=0, hits=0, audit; INDEX (status, display, news_id)
 * news_data     news_id PK, content text (HTML)
 * notices       noticeid PK, title(64), summary(255)='', body text, terminal=0 (bits, 0 = all), is_dialog=0,
 *               dialog_end_time=0 (unix s), cur_status=1 (0 hidden/1 shown/2 deleted), audit
 * notice_reads  id PK, user_id, noticeid, c_time; UNIQUE (user_id, noticeid)
 * messages      msgid PK, user_id (0 = broadcast to users registered before it), msg_type=1 (1 system/2 welfare),
 *               type_ref_id=0, title(64), content(255), url(255)='', status=1, audit; INDEX (user_id, msgid)
 * message_reads id PK, user_id, msgid, c_time; UNIQUE (user_id, msgid)
 * app_upgrades  id PK, app_type (1 iOS/2 Android), app_v(20) "X.Y.Z", app_title(20)='', app_desc text, url(255)='',
 *               upgrade_way=0 (0 none/1 advise/2 force/3 closed), dialog_repeat=0, channel(32)='', status=1, audit;
 *               UNIQUE (app_type, app_v, channel)
 * configs       id PK, cfg_key(30) UNIQUE, cfg_value text, title(50)='', description(255)='', audit
 */
export async function up(knex: Knex): Promise<void> {
  await createTable(knex, 'ad_positions', (t) => {
    t.increments('pos_id').primary();
    t.string('pos_name', 50).notNullable();
    t.string('pos_code', 50).notNullable().unique();
    t.smallint('pos_ad_count').notNullable().defaultTo(5);
    t.tinyint('status').notNullable().defaultTo(1);
    timestamps(t);
    auditors(t);
  });
  await createTable(knex, 'ads', (t) => {
    t.increments('ad_id').primary();
    t.integer('pos_id').unsigned().notNullable();
    t.string('ad_name', 50).notNullable();
    t.string('ad_image_url', 255).notNullable().defaultTo('');
    t.string('ad_ipx_image_url', 255).notNullable().defaultTo('');
    t.string('ad_url', 255).notNullable().defaultTo('');
    t.integer('start_time').unsigned().notNullable().defaultTo(0);
    t.integer('end_time').unsigned().notNullable().defaultTo(0);
    t.tinyint('display').notNullable().defaultTo(1);
    t.tinyint('status').notNullable().defaultTo(1);
    t.integer('listorder').notNullable().defaultTo(0);
    t.integer('terminal').unsigned().notNullable().defaultTo(0);
    t.integer('type_flag').unsigned().notNullable().defaultTo(3);
    t.string('remark', 255).notNullable().defaultTo('');
    timestamps(t);
    auditors(t);
    t.index(['pos_id', 'status', 'end_time']);
  });
  await createTable(knex, 'categories', (t) => {
    t.increments('cat_id').primary();
    t.string('cat_name', 20).notNullable();
    t.tinyint('cat_type').notNullable();
    t.integer('parentid').unsigned().notNullable().defaultTo(0);
    t.tinyint('lv').notNullable().defaultTo(1);
    t.string('cat_code', 30).notNullable().unique();
    t.tinyint('display').notNullable().defaultTo(1);
    t.tinyint('status').notNullable().defaultTo(1);
    t.integer('listorder').notNullable().defaultTo(0);
    timestamps(t);
    auditors(t);
    t.index(['cat_type', 'parentid']);
  });
  await createTable(knex, 'links', (t) => {
    t.increments('link_id').primary();
    t.integer('cat_id').unsigned().notNullable();
    t.string('link_name', 50).notNullable();
    t.string('link_url', 255).notNullable();
    t.string('image_url', 255).notNullable().defaultTo('');
    t.tinyint('display').notNullable().defaultTo(1);
    t.tinyint('status').notNullable().defaultTo(1);
    t.integer('listorder').notNullable().defaultTo(0);
    timestamps(t);
    auditors(t);
    t.index(['cat_id']);
  });
  await createTable(knex, 'news', (t) => {
    t.increments('news_id').primary();
    t.integer('cat_id').unsigned().notNullable();
    t.string('title', 50).notNullable();
    t.string('intro', 250).notNullable().defaultTo('');
    t.string('image_url', 255).notNullable().defaultTo('');
    t.string('source', 20).notNullable().defaultTo('');
    t.tinyint('display').notNullable().defaultTo(1);
    t.tinyint('status').notNullable().defaultTo(1);
    t.integer('listorder').notNullable().defaultTo(0);
    t.integer('hits').unsigned().notNullable().defaultTo(0);
    timestamps(t);
    auditors(t);
    t.index(['status', 'display', 'news_id']);
    t.index(['cat_id']);
  });
  await createTable(knex, 'news_data', (t) => {
    t.integer('news_id').unsigned().primary();
    t.text('content').notNullable();
  });
  await createTable(knex, 'notices', (t) => {
    t.increments('noticeid').primary();
    t.string('title', 64).notNullable();
    t.string('summary', 255).notNullable().defaultTo('');
    t.text('body').notNullable();
    t.integer('terminal').unsigned().notNullable().defaultTo(0);
    t.tinyint('is_dialog').notNullable().defaultTo(0);
    t.integer('dialog_end_time').unsigned().notNullable().defaultTo(0);
    t.tinyint('cur_status').notNullable().defaultTo(1); // 0 hidden, 1 shown, 2 deleted
    timestamps(t);
    auditors(t);
    t.index(['cur_status', 'noticeid']);
  });
  await createTable(knex, 'notice_reads', (t) => {
    t.increments('id').primary();
    t.integer('user_id').unsigned().notNullable();
    t.integer('noticeid').unsigned().notNullable();
    t.integer('c_time').unsigned().notNullable().defaultTo(0);
    t.unique(['user_id', 'noticeid']);
  });
  await createTable(knex, 'messages', (t) => {
    t.increments('msgid').primary();
    t.integer('user_id').unsigned().notNullable(); // 0 = every user registered before the message
    t.tinyint('msg_type').notNullable().defaultTo(1); // 1 system, 2 welfare
    t.integer('type_ref_id').unsigned().notNullable().defaultTo(0);
    t.string('title', 64).notNullable();
    t.string('content', 255).notNullable();
    t.string('url', 255).notNullable().defaultTo('');
    t.tinyint('status').notNullable().defaultTo(1);
    timestamps(t);
    auditors(t);
    t.index(['user_id', 'msgid']);
  });
  await createTable(knex, 'message_reads', (t) => {
    t.increments('id').primary();
    t.integer('user_id').unsigned().notNullable();
    t.integer('msgid').unsigned().notNullable();
    t.integer('c_time').unsigned().notNullable().defaultTo(0);
    t.unique(['user_id', 'msgid']);
  });
  await createTable(knex, 'app_upgrades', (t) => {
    t.increments('id').primary();
    t.tinyint('app_type').notNullable(); // 1 iOS, 2 Android
    t.string('app_v', 20).notNullable();
    t.string('app_title', 20).notNullable().defaultTo('');
    t.text('app_desc').notNullable();
    t.string('url', 255).notNullable().defaultTo('');
    t.tinyint('upgrade_way').notNullable().defaultTo(0); // 0 none, 1 advise, 2 force, 3 closed
    t.tinyint('dialog_repeat').notNullable().defaultTo(0);
    t.string('channel', 32).notNullable().defaultTo('');
    t.tinyint('status').notNullable().defaultTo(1);
    timestamps(t);
    auditors(t);
    t.unique(['app_type', 'app_v', 'channel']);
  });
  await createTable(knex, 'configs', (t) => {
    t.increments('id').primary();
    t.string('cfg_key', 30).notNullable().unique();
    t.text('cfg_value').notNullable();
    t.string('title', 50).notNullable().defaultTo('');
    t.string('description', 255).notNullable().defaultTo('');
    timestamps(t);
    auditors(t);
  });
}

export async function down(knex: Knex): Promise<void> {
  for (const table of [
    'configs', 'app_upgrades', 'message_reads', 'messages', 'notice_reads', 'notices',
    'news_data', 'news', 'links', 'categories', 'ads', 'ad_positions',
  ]) {
    await knex.schema.dropTableIfExists(table);
  }
}

import Joi from 'joi';
import { CAT_TYPE } from '../services/content/categories';
import { crudFamily, type Row } from './crud';
import { flag, imageRef, listorder, optionalText, positiveId, resolveImages, text } from './fields';
import { sanitizeStoredHtml } from './html';
import { requireCategory } from './references';

export const newsAdmin = crudFamily({
  table: 'news',
  id: 'news_id',
  noun: 'the news',
  status: 'status',
  fields: {
    cat_id: positiveId(),
    title: text(1, 50),
    intro: optionalText(250),
    image_url: imageRef(),
    source: optionalText(20),
    content: Joi.string().max(60_000),
    display: flag(),
    listorder: listorder(),
  },
  required: ['cat_id', 'title', 'content'],
  defaults: { intro: '', image_url: '', source: '', display: 1, listorder: 0 },
  filters: { cat_id: { schema: positiveId() }, status: { schema: Joi.number().integer().valid(0, 1, 2) } },
  async prepare(values, _current, trx, app) {
    if (values.cat_id !== undefined) await requireCategory(trx, values.cat_id as number, CAT_TYPE.NEWS, 'news');
    // The body lives in news_data (afterSave).
    const { content: _content, ...columns } = await resolveImages(values, ['image_url'], trx, app);
    return columns;
  },
  async afterSave(id, values, trx) {
    if (values.content === undefined) return;
    const content = sanitizeStoredHtml(values.content as string, 'content');
    await trx('news_data').insert({ news_id: id, content }).onConflict('news_id').merge({ content });
  },
  // No admin news.detail exists, so the list carries the body the back office edits.
  async present(rows, app) {
    const bodies = (await app.db('news_data').whereIn('news_id', rows.map((r) => r.news_id as number))) as Array<{ news_id: number; content: string }>;
    const byId = new Map(bodies.map((b) => [Number(b.news_id), b.content]));
    return rows.map((row: Row) => ({ ...row, content: byId.get(Number(row.news_id)) ?? '' }));
  },
});

import Joi from 'joi';
import { unixSeconds } from '../../../core/clock';
import { refuse } from '../../../core/errors';
import { NOTICE_STATUS } from '../services/content/notices';
import { crudFamily } from './crud';
import { datetime, flag, optionalText, platforms, presentPlatforms, text, withTerminal } from './fields';
import { sanitizeStoredHtml } from './html';

export const noticesAdmin = crudFamily({
  table: 'notices',
  id: 'noticeid',
  noun: 'the notice',
  status: 'cur_status',
  fields: {
    title: text(1, 64),
    summary: optionalText(255),
    body: Joi.string().max(60_000).allow(''),
    platforms: platforms(),
    is_dialog: flag(),
    dialog_end_time: datetime(),
    cur_status: Joi.number().integer().valid(NOTICE_STATUS.HIDDEN, NOTICE_STATUS.SHOWN),
  },
  required: ['title', 'body'],
  defaults: { summary: '', platforms: [], is_dialog: 0, cur_status: NOTICE_STATUS.SHOWN },
  filters: { cur_status: { schema: Joi.number().integer().valid(...Object.values(NOTICE_STATUS)) }, is_dialog: { schema: flag() } },
  times: ['dialog_end_time'],
  async prepare(values, current, _trx, app) {
    const isDialog = Number(values.is_dialog ?? current?.is_dialog ?? 0);
    const dialogEnd = Number(values.dialog_end_time ?? current?.dialog_end_time ?? 0);
    if (isDialog === 1 && !dialogEnd) throw refuse('a dialog notice needs dialog_end_time');
    const columns = withTerminal(values);
    // Published the first time it is shown (a notice may be drafted hidden and shown days later).
    const shown = Number(values.cur_status ?? current?.cur_status) === NOTICE_STATUS.SHOWN;
    if (shown && !Number(current?.published_at ?? 0)) columns.published_at = unixSeconds(app.clock);
    return columns.body === undefined ? columns : { ...columns, body: sanitizeStoredHtml(columns.body as string, 'body') };
  },
  present: presentPlatforms,
});

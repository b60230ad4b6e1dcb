import Joi from 'joi';
import { refIdField } from '../../../core/fields';
import { refuse } from '../../../core/errors';
import { userDirectory } from '../../../platform/identity/users';
import { BROADCAST, MSG_TYPE } from '../services/content/messages';
import { crudFamily, type Row } from './crud';
import { linkUrl, text } from './fields';

const openId = () => Joi.string().trim().min(1).max(64);

/** System messages to one user (`open_id`) or to every user registered before the message (`to_all: 1`). */
export const messagesAdmin = crudFamily({
  table: 'messages',
  id: 'msgid',
  noun: 'the message',
  status: 'status',
  fields: {
    open_id: openId(),
    to_all: Joi.number().integer().valid(1),
    msg_type: Joi.number().integer().valid(...Object.values(MSG_TYPE)),
    type_ref_id: refIdField(),
    title: text(1, 64),
    content: text(1, 255),
    url: linkUrl().allow(''),
  },
  required: ['title', 'content'],
  defaults: { msg_type: MSG_TYPE.SYSTEM, type_ref_id: 0, url: '' },
  addRule: (schema) => schema.xor('open_id', 'to_all').messages({ 'object.missing': 'give open_id or to_all: 1', 'object.xor': 'give open_id or to_all: 1, not both' }),
  filters: {
    open_id: {
      schema: openId(),
      apply: (query, value, app) => void query.whereIn('user_id', app.use(userDirectory).idsOf({ open_id: value as string })),
    },
    to_all: { schema: Joi.number().integer().valid(1), apply: (query) => void query.where('user_id', BROADCAST) },
    msg_type: { schema: Joi.number().integer().valid(...Object.values(MSG_TYPE)) },
    status: { schema: Joi.number().integer().valid(0, 1, 2) },
  },
  async prepare(values, _current, trx, app) {
    const { open_id: target, to_all: _all, ...columns } = values;
    if (target === undefined) return { ...columns, user_id: BROADCAST };
    const user = await app.use(userDirectory).find({ open_id: target as string }, trx);
    if (!user) throw refuse('the user does not exist');
    return { ...columns, user_id: user.id };
  },
  // The back office knows users by open_id, never by the internal id.
  async present(rows, app) {
    const ids = rows.map((r) => Number(r.user_id)).filter((id) => id !== BROADCAST);
    const openIds = new Map((await app.use(userDirectory).byIds(ids)).map((u) => [u.id, u.open_id]));
    return rows.map((row: Row) => ({ ...row, open_id: openIds.get(Number(row.user_id)) ?? '', to_all: Number(row.user_id) === BROADCAST ? 1 : 0 }));
  },
});

import Joi from 'joi';
import { defineMethod } from '../../../../../registry/method';
import { pagingFields, uidField, type PageParams } from '../../../fields';
import { showMessages, type Message } from '../../../services/messages';

export const showMyMessage = defineMethod<PageParams & { to_uid: string }, { my_message: Message[]; total: number; isnext: boolean }>({
  name: 'my.message',
  namespaces: ['show'],
  since: '1.0.0',
  user: 'required',
  writes: false,
  summary: 'The conversation with to_uid, both directions, newest first, without the messages you deleted; paged.',
  schema: Joi.object({ to_uid: uidField().required(), ...pagingFields() }),
  async handler({ to_uid, ...page }, call, app) {
    const found = await app.use(showMessages).conversation(call.user!.userId, to_uid, page);
    return { my_message: found.rows, total: found.total, isnext: found.isnext };
  },
});

import Joi from 'joi';
import { defineMethod } from '../../../../../registry/method';
import { rowIdListField } from '../../../fields';
import { showMessages } from '../../../services/messages';

export const showMessageDel = defineMethod<{ message_id_list: number[] }, Record<string, never>>({
  name: 'message.del',
  namespaces: ['show'],
  since: '1.0.0',
  user: 'required',
  writes: true,
  summary: 'Hides messages (1..100 ids) for you only, the other side keeps them; all or nothing.',
  schema: Joi.object({ message_id_list: rowIdListField().required() }),
  async handler(params, call, app) {
    await app.use(showMessages).hide(call.user!.userId, params.message_id_list);
    return {};
  },
});

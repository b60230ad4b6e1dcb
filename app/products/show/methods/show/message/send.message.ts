import Joi from 'joi';
import { defineMethod } from '../../../../../registry/method';
import { uidField } from '../../../fields';
import { MESSAGES_PER_MINUTE, showMessages } from '../../../services/messages';

export const showSendMessage = defineMethod<{ to_uid: string; content: string }, { message_id: string }>({
  name: 'send.message',
  namespaces: ['show'],
  since: '1.0.0',
  user: 'required',
  writes: true,
  summary: `Sends a private message (1..1000 characters); refused to yourself and to someone who blocks you; at most ${MESSAGES_PER_MINUTE} a minute.`,
  schema: Joi.object({ to_uid: uidField().required(), content: Joi.string().trim().min(1).max(1000).required() }),
  async handler(params, call, app) {
    const id = await app.use(showMessages).send(call.user!.userId, params.to_uid, params.content);
    return { message_id: String(id) };
  },
});

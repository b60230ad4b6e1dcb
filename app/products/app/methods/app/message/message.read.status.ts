import Joi from 'joi';
import { idField } from '../../../../../core/fields';
import { defineMethod, Reply } from '../../../../../registry/method';
import { messageService } from '../../../services/content/messages';

export const messageReadStatus = defineMethod<{ msgid: number }>({
  name: 'message.read.status',
  namespaces: ['app'],
  since: '1.0.0',
  user: 'required',
  writes: true,
  summary: 'Marks one of the user’s messages read (idempotent).',
  schema: Joi.object({ msgid: idField().required() }),
  async handler({ msgid }, call, app) {
    await app.use(messageService).markRead(call.user!.userId, msgid);
    return new Reply('设置成功');
  },
});

import Joi from 'joi';
import { defineMethod } from '../../../../../registry/method';
import { messageService, type MessageItem } from '../../../services/content/messages';
import { pageParam, type Page } from '../../../../../platform/paging';

export const messageList = defineMethod<{ page: number }, Page<MessageItem>>({
  name: 'message.list',
  namespaces: ['app'],
  since: '1.0.0',
  user: 'required',
  writes: false,
  summary: "The user's messages and the broadcasts since they registered, with read state, newest first, paged.",
  schema: Joi.object({ page: pageParam }),
  async handler({ page }, call, app) {
    return app.use(messageService).list(call.user!.userId, page);
  },
});

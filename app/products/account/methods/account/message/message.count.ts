import Joi from 'joi';
import { defineMethod } from '../../../../../registry/method';
import { idList } from '../../../fields';
import { feedbackService } from '../../../services/feedbacks';
import { pushLogService } from '../../../services/pushLogs';

export const messageCount = defineMethod<{ push_ids: number[] }>({
  name: 'message.count',
  namespaces: ['account'],
  since: '1.0.0',
  user: 'required',
  writes: false,
  summary: 'Visible pushes not among push_ids (the ones the client has seen) and unread replies to the caller\'s feedback.',
  schema: Joi.object({ push_ids: idList(1000).required() }),
  async handler({ push_ids }, call, app) {
    const userId = call.user!.userId;
    const [push_count, feedback_count] = await Promise.all([
      app.use(pushLogService).unseenCount({ userId, appid: call.appid }, push_ids),
      app.use(feedbackService).unreadReplies(userId),
    ]);
    return { push_count, feedback_count };
  },
});

import Joi from 'joi';
import { defineMethod } from '../../../../../registry/method';
import { commentContentField, rowIdField } from '../../../fields';
import { showTicketComments } from '../../../services/ticketComments';

export const showTicketCommentPublish = defineMethod<{ ticket_id: number; content: string }, { ticket_comment_id: string }>({
  name: 'ticket.comment.publish',
  namespaces: ['show'],
  since: '1.0.0',
  user: 'required',
  writes: true,
  summary: 'Comments on a ticket on sale; answers the new comment id.',
  schema: Joi.object({ ticket_id: rowIdField().required(), content: commentContentField().required() }),
  async handler({ ticket_id, content }, call, app) {
    const id = await app.use(showTicketComments).publish(call.user!.userId, ticket_id, content);
    return { ticket_comment_id: String(id) };
  },
});

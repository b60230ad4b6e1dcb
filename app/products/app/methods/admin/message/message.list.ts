import { adminCrudMethod } from '../../../backoffice/methods';
import { messagesAdmin } from '../../../backoffice/messages';

export const adminMessageList = adminCrudMethod(messagesAdmin, 'list', 'message.list', 'Lists sent messages, every status, newest first, paged.');

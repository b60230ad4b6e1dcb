import { adminCrudMethod } from '../../../services/admin/methods';
import { messagesAdmin } from '../../../services/admin/messages';

export const adminMessageList = adminCrudMethod(messagesAdmin, 'list', 'message.list', 'Lists sent messages, every status, newest first, paged.');

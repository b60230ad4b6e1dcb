import { adminCrudMethod } from '../../../services/admin/methods';
import { messagesAdmin } from '../../../services/admin/messages';

export const adminMessageSend = adminCrudMethod(messagesAdmin, 'add', 'message.send', 'Sends a system message to one user (open_id) or to every user (to_all: 1).');

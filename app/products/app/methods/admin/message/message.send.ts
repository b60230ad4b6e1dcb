import { adminCrudMethod } from '../../../backoffice/methods';
import { messagesAdmin } from '../../../backoffice/messages';

export const adminMessageSend = adminCrudMethod(messagesAdmin, 'add', 'message.send', 'Sends a system message to one user (open_id) or to every user (to_all: 1).');

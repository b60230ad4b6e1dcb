import { adminCrudMethod } from '../../../backoffice/methods';
import { messagesAdmin } from '../../../backoffice/messages';

export const adminMessageDelete = adminCrudMethod(messagesAdmin, 'delete', 'message.delete', 'Withdraws a message (soft delete: status 2).');

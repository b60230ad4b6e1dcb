import { adminCrudMethod } from '../../../services/admin/methods';
import { messagesAdmin } from '../../../services/admin/messages';

export const adminMessageDelete = adminCrudMethod(messagesAdmin, 'delete', 'message.delete', 'Withdraws a message (soft delete: status 2).');

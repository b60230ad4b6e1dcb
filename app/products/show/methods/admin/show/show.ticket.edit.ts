import Joi from 'joi';
import { uploadService } from '../../../../../platform/files/uploads';
import { yuanToCents } from '../../../../../platform/wallet/money';
import { defineMethod } from '../../../../../registry/method';
import { adminIdField, rowIdField, ticketFields } from '../../../fields';
import { showTickets, type TicketChanges, type TicketStatus } from '../../../services/tickets';

interface Params {
  admin_id: number;
  ticket_id: number;
  name?: string;
  image?: string | number;
  intro?: string;
  price?: number;
  total?: number;
  status?: TicketStatus;
}

export const adminShowTicketEdit = defineMethod<Params, Record<string, never>>({
  name: 'show.ticket.edit',
  namespaces: ['admin'],
  since: '1.0.0',
  user: 'none',
  writes: true,
  summary: "Changes a ticket's fields (at least one); `total` moves `remain` with it and never drops below what is sold or reserved.",
  schema: Joi.object({ admin_id: adminIdField(), ticket_id: rowIdField().required(), ...ticketFields() })
    .or('name', 'image', 'intro', 'price', 'total', 'status')
    .messages({ 'object.missing': 'nothing to update: give at least one field' }),
  async handler({ admin_id, ticket_id, image, price, ...rest }, _call, app) {
    const changes: TicketChanges = { ...rest };
    if (image !== undefined) changes.image = (await app.use(uploadService).resolve(image, { label: 'image' })).url;
    if (price !== undefined) changes.priceCents = yuanToCents(price);
    await app.use(showTickets).edit(ticket_id, changes, admin_id);
    return {};
  },
});

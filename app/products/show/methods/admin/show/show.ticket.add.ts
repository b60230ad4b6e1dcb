import Joi from 'joi';
import { uploadService } from '../../../../../platform/files/uploads';
import { yuanToCents } from '../../../../../platform/wallet/money';
import { defineMethod } from '../../../../../registry/method';
import { adminIdField, ticketFields } from '../../../fields';
import { showTickets, type TicketStatus } from '../../../services/tickets';

interface Params {
  admin_id: number;
  name: string;
  image: string | number;
  intro: string;
  price: number;
  total: number;
  status: TicketStatus;
}

export const adminShowTicketAdd = defineMethod<Params, { ticket_id: string }>({
  name: 'show.ticket.add',
  namespaces: ['admin'],
  since: '1.0.0',
  user: 'none',
  writes: true,
  summary: 'Adds a show ticket (price in yuan, all of `total` reservable); the image is a file id or one of our URLs.',
  schema: Joi.object({
    admin_id: adminIdField(),
    name: ticketFields().name.required(),
    image: ticketFields().image.required(),
    intro: ticketFields().intro.default(''),
    price: ticketFields().price.required(),
    total: ticketFields().total.required(),
    status: ticketFields().status.default(1),
  }),
  async handler({ admin_id, image, price, ...ticket }, _call, app) {
    const imageUrl = (await app.use(uploadService).resolve(image, { label: 'image' })).url;
    const id = await app.use(showTickets).add({ ...ticket, image: imageUrl, priceCents: yuanToCents(price) }, admin_id);
    return { ticket_id: String(id) };
  },
});

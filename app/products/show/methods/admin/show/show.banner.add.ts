import Joi from 'joi';
import { uploadService } from '../../../../../platform/files/uploads';
import { defineMethod } from '../../../../../registry/method';
import { adminIdField, bannerPositionField, imageRefField } from '../../../fields';
import { showBanners, type BannerPosition } from '../../../services/banners';

interface Params {
  admin_id: number;
  position: BannerPosition;
  image: string | number;
  url: string;
  sort: number;
}

export const adminShowBannerAdd = defineMethod<Params, { banner_id: string }>({
  name: 'show.banner.add',
  namespaces: ['admin'],
  since: '1.0.0',
  user: 'none',
  writes: true,
  summary: 'Adds a banner of the show home or ticket page: image (file id or our URL), link url (http/https or none), sort (smaller first).',
  schema: Joi.object({
    admin_id: adminIdField(),
    position: bannerPositionField().required(),
    image: imageRefField().required(),
    // Pages open the link as it is: only web links, never `javascript:` and the like.
    url: Joi.string().trim().max(255).uri({ scheme: ['http', 'https'] }).allow('').default(''),
    sort: Joi.number().integer().min(-1_000_000).max(1_000_000).default(0),
  }),
  async handler({ admin_id: adminId, image, ...banner }, call, app) {
    const url = (await app.use(uploadService).resolve(image, { label: 'image' })).url;
    const id = await app.use(showBanners).add({ ...banner, image: url }, adminId);
    app.logger.info({ requestId: call.requestId, admin_id: adminId, banner_id: id }, 'show banner added');
    return { banner_id: String(id) };
  },
});

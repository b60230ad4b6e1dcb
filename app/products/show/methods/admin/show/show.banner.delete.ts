import Joi from 'joi';
import { defineMethod } from '../../../../../registry/method';
import { adminIdField, rowIdField } from '../../../fields';
import { showBanners } from '../../../services/banners';

export const adminShowBannerDelete = defineMethod<{ admin_id: number; banner_id: number }, Record<string, never>>({
  name: 'show.banner.delete',
  namespaces: ['admin'],
  since: '1.0.0',
  user: 'none',
  writes: true,
  summary: 'Removes a show banner.',
  schema: Joi.object({ admin_id: adminIdField(), banner_id: rowIdField().required() }),
  async handler(params, call, app) {
    await app.use(showBanners).remove(params.banner_id);
    app.logger.info({ requestId: call.requestId, admin_id: params.admin_id, banner_id: params.banner_id }, 'show banner deleted');
    return {};
  },
});

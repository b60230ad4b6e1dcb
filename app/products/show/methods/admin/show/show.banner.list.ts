import Joi from 'joi';
import { defineMethod } from '../../../../../registry/method';
import { bannerPositionField, pagingFields, type PageParams } from '../../../fields';
import { showBanners, type AdminBanner, type BannerPosition } from '../../../services/banners';

export const adminShowBannerList = defineMethod<PageParams & { position?: BannerPosition }, { banner_list: AdminBanner[]; total: number; isnext: boolean }>({
  name: 'show.banner.list',
  namespaces: ['admin'],
  since: '1.0.0',
  user: 'none',
  writes: false,
  summary: 'The show banners by position and sort, as the pages show them; filter by position; paged (limit, offset).',
  schema: Joi.object({ ...pagingFields(), position: bannerPositionField() }),
  async handler({ position, ...page }, _call, app) {
    const found = await app.use(showBanners).page(position, page);
    return { banner_list: found.rows, total: found.total, isnext: found.isnext };
  },
});

import Joi from 'joi';
import { defineMethod } from '../../../../../registry/method';
import { showBanners, type Banner } from '../../../services/banners';

export const showHomeBanner = defineMethod<Record<string, never>, { home_banner: Banner[] }>({
  name: 'home.banner',
  namespaces: ['show'],
  since: '1.0.0',
  user: 'required',
  writes: false,
  summary: 'The home page banners, in their back-office order.',
  schema: Joi.object({}),
  handler: async (_params, _call, app) => ({ home_banner: await app.use(showBanners).shown('home') }),
});

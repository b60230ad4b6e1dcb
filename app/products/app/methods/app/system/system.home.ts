import Joi from 'joi';
import { defineMethod } from '../../../../../registry/method';
import { adService, POSITION, type Ad } from '../../../services/content/ads';

export const systemHome = defineMethod<Record<string, never>, { ads: Ad[] }>({
  name: 'system.home',
  namespaces: ['app'],
  since: '1.0.0',
  user: 'optional',
  writes: false,
  summary: 'The home screen: the ads of the app_home position for this platform and viewer.',
  schema: Joi.object({}),
  async handler(_params, call, app) {
    const ads = await app.use(adService).forPositionIfAny(POSITION.HOME, {
      platform: call.platform,
      userId: call.user?.userId ?? null,
    });
    return { ads: ads ?? [] };
  },
});

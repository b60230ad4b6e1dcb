import Joi from 'joi';
import { defineMethod } from '../../../../../registry/method';
import { adService, type Ad } from '../../../services/content/ads';

const positionCode = Joi.string().trim().min(1).max(50);

export const systemAds = defineMethod<{ code?: string; place_code?: string }, { list: Ad[] }>({
  name: 'system.ads',
  namespaces: ['app'],
  since: '1.0.0',
  user: 'optional',
  writes: false,
  summary: 'The ads of a position (by code) for this platform and viewer.',
  // The seed calls it `code`, the anchor `place_code`: either is accepted, `code` wins.
  schema: Joi.object({ code: positionCode, place_code: positionCode }).or('code', 'place_code'),
  async handler({ code, place_code }, call, app) {
    const list = await app.use(adService).forPosition((code ?? place_code)!, {
      platform: call.platform,
      userId: call.user?.userId ?? null,
    });
    return { list };
  },
});

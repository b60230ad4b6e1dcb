import Joi from 'joi';
import { defineMethod, type MethodDefinition } from '../../registry/method';
import { showBanners, type Banner, type BannerPosition } from './services/banners';

type BannerAnswer<P extends BannerPosition> = Record<`${P}_banner`, Banner[]>;

/** `<position>.banner`: the banners of one page, in their back-office order. */
export function pageBanners<P extends BannerPosition>(position: P, summary: string): MethodDefinition<Record<string, never>, BannerAnswer<P>> {
  return defineMethod<Record<string, never>, BannerAnswer<P>>({
    name: `${position}.banner`,
    namespaces: ['show'],
    since: '1.0.0',
    user: 'required',
    writes: false,
    summary,
    schema: Joi.object({}),
    handler: async (_params, _call, app) => ({ [`${position}_banner`]: await app.use(showBanners).shown(position) }) as BannerAnswer<P>,
  });
}

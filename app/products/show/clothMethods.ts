import Joi from 'joi';
import { defineMethod } from '../../registry/method';
import { pagingFields, rowIdField, type PageParams } from './fields';
import { CLOTH_LABEL, showClothes, type Cloth, type ClothKind } from './services/clothes';

/**
 * The two catalogues (design circle, merchants) answer the same list and toggles, with their own names
 * and list keys; each method module is one call of these.
 */

/** `<catalogue>.cloth.list`: shown clothes of `kind`, newest first, paged. */
export function clothListMethod<K extends string>(name: string, kind: ClothKind, listKey: K) {
  return defineMethod<PageParams, Record<K, Cloth[]> & { total: number; isnext: boolean }>({
    name,
    namespaces: ['show'],
    since: '1.0.0',
    user: 'required',
    writes: false,
    summary: `Shown ${CLOTH_LABEL[kind]}, newest first, with is_like for the caller${kind === 'merchant' ? ' and each merchant' : ''}; paged (limit, offset).`,
    schema: Joi.object(pagingFields()),
    async handler(params, call, app) {
      const clothes = app.use(showClothes);
      const page = await clothes.page(kind, params);
      const viewer = call.user!.userId;
      const list = kind === 'merchant' ? await clothes.presentMerchant(page.rows, viewer) : await clothes.present(page.rows, viewer);
      return { [listKey]: list, total: page.total, isnext: page.isnext } as Record<K, Cloth[]> & { total: number; isnext: boolean };
    },
  });
}

/** `<catalogue>.cloth.like` / `.unlike`: idempotent, 503 cloth not found for a cloth not shown in that catalogue. */
export function clothLikeMethod(name: string, kind: ClothKind, like: boolean) {
  return defineMethod<{ cloth_id: number }, Record<string, never>>({
    name,
    namespaces: ['show'],
    since: '1.0.0',
    user: 'required',
    writes: true,
    summary: `${like ? 'Likes' : 'Takes back the like of'} one of the ${CLOTH_LABEL[kind]} (already so: 200 {}).`,
    schema: Joi.object({ cloth_id: rowIdField().required() }),
    async handler({ cloth_id }, call, app) {
      const clothes = app.use(showClothes);
      await (like ? clothes.like(kind, cloth_id, call.user!.userId) : clothes.unlike(kind, cloth_id, call.user!.userId));
      return {};
    },
  });
}

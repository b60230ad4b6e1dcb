import Joi from 'joi';
import { defineMethod, type MethodDefinition } from '../../registry/method';
import { pagingFields, uidField, type PageParams } from './fields';
import { showRelations, type RelationList, type ShowRelations } from './services/relations';

type Toggle = 'follow' | 'unfollow' | 'block' | 'unblock';

/**
 * `sns.<toggle>`: one of the four relation toggles on `to_uid`, answering `{}` also when the relation
 * already was as asked. Each method keeps its own module under methods/show/sns/.
 */
export function relationToggle(toggle: Toggle, summary: string): MethodDefinition<{ to_uid: string }, Record<string, never>> {
  return defineMethod<{ to_uid: string }, Record<string, never>>({
    name: `sns.${toggle}`,
    namespaces: ['show'],
    since: '1.0.0',
    user: 'required',
    writes: true,
    summary,
    schema: Joi.object({ to_uid: uidField().required() }),
    async handler(params, call, app) {
      const relations: ShowRelations = app.use(showRelations);
      await relations[toggle](call.user!.userId, params.to_uid);
      return {};
    },
  });
}

/** `my.<list>`: the caller's uids of one relation, newest first; paged with limit default 100, at most 500. */
export function relationList<K extends string>(
  listKey: K,
  which: RelationList,
  summary: string,
): MethodDefinition<PageParams, Record<K, string[]> & { total: number; isnext: boolean }> {
  return defineMethod<PageParams, Record<K, string[]> & { total: number; isnext: boolean }>({
    name: listKey.replace('_', '.'),
    namespaces: ['show'],
    since: '1.0.0',
    user: 'required',
    writes: false,
    summary,
    schema: Joi.object(pagingFields(100, 500)),
    async handler(params, call, app) {
      const page = await app.use(showRelations).list(call.user!.userId, which, params);
      return { [listKey]: page.rows, total: page.total, isnext: page.isnext } as Record<K, string[]> & { total: number; isnext: boolean };
    },
  });
}

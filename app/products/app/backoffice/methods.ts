import { defineMethod, type MethodDefinition } from '../../../registry/method';
import type { CrudFamily, CrudVerb, Values } from './crud';

/**
 * The method module of one verb of a back-office family: `admin` namespace, no user (the appid and its
 * IP allow-list are the credential), the family's schema, and its generic service doing the work.
 * Each method still has its own module file under app/methods/admin/<family>/.
 */
export function adminCrudMethod(family: CrudFamily, verb: CrudVerb, name: string, summary: string): MethodDefinition<Values> {
  return defineMethod<Values>({
    name,
    namespaces: ['admin'],
    since: '1.0.0',
    user: 'none',
    writes: verb !== 'list',
    summary,
    schema: family.schemas[verb],
    async handler(params, _call, app) {
      const crud = app.use(family.service);
      switch (verb) {
        case 'list':
          return crud.list(params);
        case 'add':
          return crud.add(params);
        case 'edit':
          return crud.edit(params);
        case 'delete':
          return crud.remove(params);
      }
    },
  });
}

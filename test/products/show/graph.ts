import type { TestServer } from '../../helpers/harness';
import type { ShowUser } from './helpers';

/**
 * Follow and block rows written straight into the tables, for tests of methods that read the graph
 * (feeds, comment refusals) without depending on sns.follow / sns.block.
 */
export async function follows(server: TestServer, who: ShowUser, whom: ShowUser): Promise<void> {
  await server.app.db('show_follows').insert({ user_id: who.id, to_user_id: whom.id, c_time: 1 });
}

export async function blocks(server: TestServer, who: ShowUser, whom: ShowUser): Promise<void> {
  await server.app.db('show_blocks').insert({ user_id: who.id, to_user_id: whom.id, c_time: 1 });
}

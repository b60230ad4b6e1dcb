import type { AppContext } from '../../../context';
import { showPeople } from './people';

/** A comment row of show_article_comments or show_ticket_comments, as both lists select it. */
export interface CommentRow {
  id: number;
  user_id: number;
  content: string;
  c_time: number;
}

/** The catalogue's comment shape (AComment, TComment), with its own id key; authors by uid in one query. */
export async function presentComments<K extends string>(
  app: AppContext,
  rows: readonly CommentRow[],
  idKey: K,
): Promise<Array<Record<K, string> & { uid: string; content: string; created_at: number }>> {
  const uids = await app.use(showPeople).uids(rows.map((row) => Number(row.user_id)));
  return rows.map((row) => ({ [idKey]: String(row.id), uid: uids.get(Number(row.user_id)) ?? '', content: row.content, created_at: Number(row.c_time) }) as Record<K, string> & { uid: string; content: string; created_at: number });
}

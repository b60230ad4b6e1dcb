import type { AppContext } from '../../../context';

/** A resident as the nearby product shows them: addressed by their public `username`. */
export interface Person {
  id: number;
  username: string;
  nickname: string;
  role: number;
  /** registered at (unix seconds): broadcasts reach users registered before them */
  c_time: number;
}

const COLUMNS = ['id', 'username', 'nickname', 'role', 'c_time'];

const person = (row: Record<string, unknown>): Person => ({
  id: Number(row.id),
  username: String(row.username ?? ''),
  nickname: String(row.nickname ?? ''),
  role: Number(row.role ?? 0),
  c_time: Number(row.c_time ?? 0),
});

/** Reads of the shared users the nearby product needs, in one place. */
export class NearbyPeople {
  constructor(private readonly app: AppContext) {}

  async byId(id: number): Promise<Person | undefined> {
    const row = await this.app.db('users').where({ id }).first(COLUMNS);
    return row ? person(row) : undefined;
  }

  async byIds(ids: number[]): Promise<Map<number, Person>> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return new Map();
    const rows = await this.app.db('users').whereIn('id', unique).select(COLUMNS);
    return new Map(rows.map((r: Record<string, unknown>) => [Number(r.id), person(r)]));
  }

  async byUsername(username: string): Promise<Person | undefined> {
    if (!username) return undefined;
    const row = await this.app.db('users').where({ username }).first(COLUMNS);
    return row ? person(row) : undefined;
  }
}

export const nearbyPeople = (app: AppContext): NearbyPeople => new NearbyPeople(app);

import type { AppContext } from '../../../context';
import { userDirectory, type UserRow } from '../../../platform/identity/users';

/** A resident as the nearby product shows them: addressed by their public `username`. */
export interface Person {
  id: number;
  username: string;
  nickname: string;
  role: number;
  /** registered at (unix seconds): broadcasts reach users registered before them */
  c_time: number;
}

const person = (row: UserRow): Person => ({
  id: Number(row.id),
  username: row.username ?? '',
  nickname: row.nickname ?? '',
  role: Number(row.role ?? 0),
  c_time: Number(row.c_time ?? 0),
});

/** The shared users as the nearby product reads them (through the platform's user directory). */
export class NearbyPeople {
  constructor(private readonly app: AppContext) {}

  async byId(id: number): Promise<Person | undefined> {
    const row = await this.app.use(userDirectory).byId(id);
    return row ? person(row) : undefined;
  }

  async byIds(ids: number[]): Promise<Map<number, Person>> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return new Map();
    const rows = await this.app.use(userDirectory).byIds(unique);
    return new Map(rows.map((r) => [Number(r.id), person(r)]));
  }

  async byUsername(username: string): Promise<Person | undefined> {
    if (!username) return undefined;
    const row = await this.app.use(userDirectory).byUsername(username);
    return row ? person(row) : undefined;
  }
}

export const nearbyPeople = (app: AppContext): NearbyPeople => new NearbyPeople(app);

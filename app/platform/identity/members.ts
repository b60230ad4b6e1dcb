import type { AppContext } from '../../context';
import { refuse } from '../../core/errors';
import { userDirectory } from './users';

/** A member as the back office names one: either handle, or both (then they must be the same member). */
export interface MemberRef {
  open_id?: string;
  mobile?: string;
}

export interface Member {
  id: number;
  open_id: string;
  mobile: string;
}

/** Finds members by the handles the back office knows them by (admin points, orders and wallet methods). */
export class MemberDirectory {
  constructor(private readonly app: AppContext) {}

  async find(ref: MemberRef): Promise<Member | undefined> {
    const row = await this.app.use(userDirectory).find(ref);
    // Both handles given: they must name the same member.
    if (!row || (ref.mobile !== undefined && row.mobile !== ref.mobile)) return undefined;
    return { id: row.id, open_id: row.open_id, mobile: row.mobile ?? '' };
  }

  /** The member, or 503 user not found. */
  async require(ref: MemberRef): Promise<Member> {
    const member = await this.find(ref);
    if (!member) throw refuse('user not found');
    return member;
  }
}

export const memberDirectory = (app: AppContext): MemberDirectory => new MemberDirectory(app);

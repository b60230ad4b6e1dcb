import type { AppContext } from '../../../context';
import { unixSeconds } from '../../../core/clock';
import { transaction, type Knex } from '../../../storage/db';
import { showErrors } from '../errors';
import { CATEGORY, showPeople, type Category } from './people';

/** A merchant's shop card (`show_merchants`), shown with its clothes. */
export interface MerchantProfile {
  name: string;
  logo: string;
  intro: string;
  address: string;
}

/**
 * Merchants and categories as the back office sets them (decision 11): a merchant is a user of
 * category 2 with a `show_merchants` row, so the two change together, and category 2 is given only to
 * someone who has the row.
 */
export class ShowMerchants {
  constructor(private readonly app: AppContext) {}

  /**
   * Makes `userId` a merchant with this profile: the first time every field (missing ones empty), later
   * only the fields given. Answers the profile as stored.
   */
  async set(userId: number, changes: Partial<MerchantProfile> & { name: string }, adminId: number): Promise<MerchantProfile> {
    return transaction(this.app.db, async (trx) => {
      const now = unixSeconds(this.app.clock);
      const given = Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined));
      await trx('show_merchants')
        .insert({ user_id: userId, logo: '', intro: '', address: '', ...given, c_time: now, u_time: now, u_by: adminId })
        .onConflict('user_id')
        .merge({ ...given, u_time: now, u_by: adminId });
      await this.app.use(showPeople).setCategory(userId, CATEGORY.MERCHANT, trx, adminId);
      return (await this.profile(userId, trx))!;
    });
  }

  /** Sets the category; 2 only for someone with a merchant profile (set by `set` first). */
  async setCategory(userId: number, category: Category, adminId: number): Promise<void> {
    await transaction(this.app.db, async (trx) => {
      if (category === CATEGORY.MERCHANT && !(await this.profile(userId, trx))) throw showErrors.noMerchantProfile();
      await this.app.use(showPeople).setCategory(userId, category, trx, adminId);
    });
  }

  async profile(userId: number, db: Knex | Knex.Transaction = this.app.db): Promise<MerchantProfile | undefined> {
    return (await db('show_merchants').where({ user_id: userId }).first('name', 'logo', 'intro', 'address')) as MerchantProfile | undefined;
  }
}

export const showMerchants = (app: AppContext): ShowMerchants => new ShowMerchants(app);

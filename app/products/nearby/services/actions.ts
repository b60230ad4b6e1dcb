import type { AppContext } from '../../../context';
import type { Knex } from '../../../storage/db';

/** What a resident did with an item, and how much it says about their taste (decision 1). */
export const ACTION_WEIGHTS = { view: 0.5, like: 1, collect: 2, order: 3 } as const;
export type ItemAction = keyof typeof ACTION_WEIGHTS;
export const ITEM_ACTIONS = Object.keys(ACTION_WEIGHTS) as ItemAction[];

/** Old behaviour counts less: its weight halves every 30 days. */
export const HALF_LIFE_MS = 30 * 24 * 3600 * 1000;
export const decay = (ageMs: number) => Math.pow(0.5, Math.max(0, ageMs) / HALF_LIFE_MS);

export interface ActionRow {
  user_id: number;
  item_id: number;
  action: ItemAction;
  created_ms: number;
}

/** The behaviour log the recommendations learn from. */
export class NearbyActionService {
  constructor(private readonly app: AppContext) {}

  async record(userId: number, itemId: number, action: ItemAction, atMs?: number, db: Knex = this.app.db): Promise<void> {
    await db('nearby_item_actions').insert({ user_id: userId, item_id: itemId, action, created_ms: atMs ?? this.app.clock.now() });
  }

  /** A user's actions, newest first. */
  ofUser(userId: number): Promise<ActionRow[]> {
    return this.app.db('nearby_item_actions').where({ user_id: userId }).orderBy([{ column: 'created_ms', order: 'desc' }, { column: 'id', order: 'desc' }]);
  }
}

export const nearbyActionService = (app: AppContext): NearbyActionService => new NearbyActionService(app);

import type { Knex } from 'knex';
import type { AppContext } from '../../../../context';
import { userDirectory } from '../../../../platform/identity/users';

/**
 * Who a piece of content is for. Terminal bits (anchor): Android 1, iOS 2, PC 4, H5 8, mini-program 16;
 * a row with 0 is for every platform.
 */
const TERMINAL_BIT: Record<number, number> = { 1: 2, 2: 1, 3: 8, 4: 4, 6: 16 };

/** The terminal bit of a `platform` fixed parameter; 0 for a platform content cannot target. */
export function terminalBit(platform: number): number {
  return TERMINAL_BIT[platform] ?? 0;
}

/** Terminal bits for a list of platforms (admin forms); an empty list means every platform (0). */
export function terminalBits(platforms: readonly number[]): number {
  return platforms.reduce((bits, platform) => bits | terminalBit(platform), 0);
}

/**
 * Rows of `column` meant for `platform`: those for every platform, plus those whose bits include it.
 * A caller with no known platform sees only the rows for every platform.
 */
export function forPlatform(query: Knex.QueryBuilder, column: string, platform: number): Knex.QueryBuilder {
  const bit = terminalBit(platform);
  return query.where((q) => {
    q.where(column, 0);
    if (bit) q.orWhereRaw('(?? & ?) <> 0', [column, bit]);
  });
}

/** Audience bits of ads (`type_flag`): 1 logged-in user, 2 guest, 4 registered at least 30 days. */
export const AUDIENCE = { USER: 1, GUEST: 2, VETERAN: 4 } as const;
const VETERAN_SECONDS = 30 * 24 * 3600;

/** The registration time (unix s) of a user, or null when there is no such user. */
export async function registeredAt(app: AppContext, userId: number): Promise<number | null> {
  const user = await app.use(userDirectory).byId(userId);
  return user ? user.c_time : null;
}

/** The audience bits a caller belongs to at `now` (unix s). */
export async function audienceBits(app: AppContext, userId: number | null, now: number): Promise<number> {
  if (!userId) return AUDIENCE.GUEST;
  const since = await registeredAt(app, userId);
  if (since === null) return AUDIENCE.GUEST;
  return AUDIENCE.USER | (now - since >= VETERAN_SECONDS ? AUDIENCE.VETERAN : 0);
}

import type { AppContext } from '../../../../context';
import { unixSeconds } from '../../../../core/clock';
import { refuse } from '../../../../core/errors';
import { formatTime } from '../../../../core/time';
import { transaction, type Knex } from '../../../../storage/db';
import { paginate, type Page } from '../../../../platform/paging';

/** Why a balance moved; with an orderid, UNIQUE (orderid, kind) lets each order be debited and refunded once. */
export type PointsKind = 'grant' | 'deduct' | 'debit' | 'refund';

/** The Chinese label answered when a ledger row carries no reason of its own. */
const KIND_LABELS: Record<PointsKind, string> = {
  grant: '系统赠送',
  deduct: '系统扣除',
  debit: '积分兑换商品',
  refund: '订单取消退还',
};

export interface PointsLog {
  log_id: number;
  change: number;
  balance: number;
  reason: string;
  orderid: number;
  c_time: string | null;
}

interface LedgerRow {
  log_id: number;
  change: number;
  balance_after: number;
  kind: PointsKind;
  reason: string;
  orderid: number | null;
  c_time: number;
}

export interface PointsChange {
  userId: number;
  change: number;
  kind: PointsKind;
  reason?: string;
  orderid?: number | null;
  adminId?: number;
}

/**
 * Points (金币) as a ledger: every change is a `points_ledger` row, and `points_accounts.balance` is
 * the running sum, moved in the same transaction under a row lock, so it never goes below zero and
 * always equals the sum of its ledger.
 */
export class PointsService {
  constructor(private readonly app: AppContext) {}

  async balance(userId: number, db: Knex = this.app.db): Promise<number> {
    const row = await db('points_accounts').where({ user_id: userId }).first('balance');
    return row ? Number(row.balance) : 0;
  }

  /** The balance with the account row locked until `trx` ends (MySQL; SQLite runs one transaction at a time). */
  async lockedBalance(trx: Knex.Transaction, userId: number): Promise<number> {
    const account = await trx('points_accounts').where({ user_id: userId }).forUpdate().first('balance');
    return account ? Number(account.balance) : 0;
  }

  /**
   * Like lockedBalance, creating the account at 0 first when missing. The existence check is a plain
   * read: a locking read of a missing row takes a gap lock, and parallel first grants then deadlock on
   * their inserts; an insert on an existing row would take a shared lock that two callers both upgrade.
   */
  private async lockedAccount(trx: Knex.Transaction, userId: number, now: number): Promise<number> {
    if (!(await trx('points_accounts').where({ user_id: userId }).first('user_id'))) {
      await trx('points_accounts').insert({ user_id: userId, balance: 0, u_time: now }).onConflict('user_id').ignore();
    }
    return this.lockedBalance(trx, userId);
  }

  /** An admin's (or the system's, adminId 0) grant; answers the new balance. */
  grant(userId: number, amount: number, reason: string, adminId = 0): Promise<number> {
    return transaction(this.app.db, (trx) => this.apply(trx, { userId, change: amount, kind: 'grant', reason, adminId }));
  }

  /** An admin's deduction; refuses (503) rather than go below zero. */
  deduct(userId: number, amount: number, reason: string, adminId = 0): Promise<number> {
    return transaction(this.app.db, (trx) => this.apply(trx, { userId, change: -amount, kind: 'deduct', reason, adminId }));
  }

  /** Pays for an order inside the order's transaction. */
  debitForOrder(trx: Knex.Transaction, userId: number, orderid: number, amount: number): Promise<number> {
    return this.apply(trx, { userId, change: -amount, kind: 'debit', orderid });
  }

  /** Gives an order's payment back inside the cancelling transaction; a second refund hits UNIQUE (orderid, kind). */
  refundForOrder(trx: Knex.Transaction, userId: number, orderid: number, amount: number, reason: string, adminId = 0): Promise<number> {
    return this.apply(trx, { userId, change: amount, kind: 'refund', orderid, reason, adminId });
  }

  /**
   * Locks the user's account row (creating it at 0 first), moves the balance and writes the ledger
   * row. Must run inside `trx`: on SQLite the single connection is busy with it.
   */
  async apply(trx: Knex.Transaction, change: PointsChange): Promise<number> {
    if (!Number.isInteger(change.change) || change.change === 0) throw refuse('points change must be a non-zero integer');
    const now = unixSeconds(this.app.clock);
    const held = change.change > 0 ? await this.lockedAccount(trx, change.userId, now) : await this.lockedBalance(trx, change.userId);
    const balance = held + change.change;
    if (balance < 0) throw refuse('not enough points');
    await trx('points_accounts').where({ user_id: change.userId }).update({ balance, u_time: now });
    await trx('points_ledger').insert({
      user_id: change.userId,
      change: change.change,
      balance_after: balance,
      kind: change.kind,
      reason: change.reason ?? KIND_LABELS[change.kind],
      orderid: change.orderid ?? null,
      admin_id: change.adminId ?? 0,
      c_time: now,
    });
    return balance;
  }

  /** The balance and one page of its history, newest first (`user.points`, admin `points.log`). */
  async history(userId: number, page: number): Promise<Page<PointsLog> & { points: number }> {
    const query = this.app.db('points_ledger')
      .where({ user_id: userId })
      .orderBy('log_id', 'desc')
      .select('log_id', 'change', 'balance_after', 'kind', 'reason', 'orderid', 'c_time');
    const [points, paged] = await Promise.all([
      this.balance(userId),
      paginate<LedgerRow, PointsLog>(query, page, this.app.config.paging.pageSize, (row) => ({
        log_id: Number(row.log_id),
        change: Number(row.change),
        balance: Number(row.balance_after),
        reason: row.reason || KIND_LABELS[row.kind],
        orderid: Number(row.orderid ?? 0),
        c_time: formatTime(Number(row.c_time)),
      })),
    ]);
    return { points, ...paged };
  }
}

export const pointsService = (app: AppContext): PointsService => new PointsService(app);

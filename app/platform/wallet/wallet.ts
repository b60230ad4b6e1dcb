import type { AppContext } from '../../context';
import { unixSeconds } from '../../core/clock';
import { ApiError, Code } from '../../core/errors';
import { formatTime } from '../../core/time';
import { isUniqueViolation, transaction, type Knex } from '../../storage/db';
import { paginate, type Page } from '../paging';
import { centsToYuan, MAX_BALANCE_CENTS, MAX_MOVE_CENTS } from './money';

export type WalletRefusalKind = 'insufficient' | 'duplicate' | 'over_limit';

const REFUSAL_MESSAGES: Record<WalletRefusalKind, string> = {
  insufficient: '余额不足',
  duplicate: '该笔款项已经处理过',
  over_limit: '余额超出上限',
};

/** A wallet move refused (503); `kind` lets a product answer it in its own words (campus: balance not enough, 102). */
export class WalletRefusal extends ApiError {
  constructor(readonly kind: WalletRefusalKind) {
    super(Code.BUSINESS, REFUSAL_MESSAGES[kind]);
  }
}

export const isWalletRefusal = (err: unknown, kind?: WalletRefusalKind): err is WalletRefusal =>
  err instanceof WalletRefusal && (kind === undefined || err.kind === kind);

/**
 * An idempotency key: lowercase so the case-insensitive MySQL collation can never make two keys one.
 * Orders use orderRef(); anything else names its own prefix (`topup:<payment id>`).
 */
const REF_PATTERN = /^[a-z0-9][a-z0-9:._-]{0,99}$/;

/** `order:<product>:<id>:<event>`: the key that lets one order be debited (`debit`, `pay`) and refunded once. */
export function orderRef(product: string, orderId: number | string, event: 'debit' | 'refund' | 'pay'): string {
  return `order:${product}:${orderId}:${event}`.toLowerCase();
}

export interface WalletMove {
  userId: number;
  cents: number;
  /** Shown to the member in wallet.info (at most 100 characters). */
  reason: string;
  /** At most one ledger row ever carries a given ref; a second move with it is refused as `duplicate`. */
  ref?: string;
  /** The back-office user who made the move (0 = the member or the system). */
  adminId?: number;
}

export interface WalletTransfer {
  fromUserId: number;
  toUserId: number;
  cents: number;
  reason: string;
  /** The payer's row gets `<ref>:out`, the payee's `<ref>:in`. */
  ref: string;
  /** The payee's reason, when it should read differently from the payer's. */
  toReason?: string;
}

export interface WalletLogRow {
  log_id: number;
  change: number;
  balance_after: number;
  reason: string;
  ref: string;
  c_time: string | null;
}

export type WalletLog = Page<WalletLogRow> & { balance: number };

interface LedgerRow {
  log_id: number;
  change_cents: number | string;
  balance_after_cents: number | string;
  reason: string;
  ref: string | null;
  c_time: number;
}

/**
 * Members' money, shared by the products (show tickets, campus purchases) as integer cents. Every move is
 * one `wallet_ledger` row written with the conditional UPDATE of `wallet_accounts.balance_cents` that it
 * describes, so the balance is always the sum of the ledger, never below zero (`balance >= x` in the
 * UPDATE itself, no read-then-write race) and never above MAX_BALANCE_CENTS.
 *
 * Every move takes an optional transaction: a product debits inside its own order transaction and gets
 * all or nothing with it. A move runs as a savepoint there, so a refused move (WalletRefusal) leaves the
 * caller's transaction exactly as it was, even if the caller catches the refusal and carries on. Without
 * one, the move is its own transaction, retried after a deadlock.
 */
export class WalletService {
  constructor(private readonly app: AppContext) {}

  /** The balance in cents (0 for a member who never had money). */
  async balance(userId: number, db: Knex = this.app.db): Promise<number> {
    const row = await db('wallet_accounts').where({ user_id: userId }).first('balance_cents');
    return row ? Number(row.balance_cents) : 0;
  }

  /** Adds money; answers the new balance in cents. */
  credit(move: WalletMove, trx?: Knex.Transaction): Promise<number> {
    return transaction(trx ?? this.app.db, (t) => this.creditIn(t, move));
  }

  /** Takes money only if the balance covers it (WalletRefusal 'insufficient' otherwise); answers the new balance. */
  debit(move: WalletMove, trx?: Knex.Transaction): Promise<number> {
    return transaction(trx ?? this.app.db, (t) => this.debitIn(t, move));
  }

  /** Moves money from payer to payee: both rows or neither. Answers both new balances in cents. */
  transfer(move: WalletTransfer, trx?: Knex.Transaction): Promise<{ from: number; to: number }> {
    if (move.fromUserId === move.toUserId) throw new RangeError('a transfer needs two different wallets');
    return transaction(trx ?? this.app.db, async (t) => {
      await this.ensureAccount(t, move.toUserId);
      // Both rows locked in one order (ascending user id) before either moves, so that A → B and B → A at
      // the same time queue instead of deadlocking on each other's second row.
      await t('wallet_accounts').whereIn('user_id', [move.fromUserId, move.toUserId]).orderBy('user_id').forUpdate().select('user_id');
      const from = await this.debitIn(t, { userId: move.fromUserId, cents: move.cents, reason: move.reason, ref: `${move.ref}:out` });
      const to = await this.creditIn(t, { userId: move.toUserId, cents: move.cents, reason: move.toReason ?? move.reason, ref: `${move.ref}:in` });
      return { from, to };
    });
  }

  /** The balance and one page of the ledger, newest first, in yuan (admin wallet.log, wallet.info). */
  async log(userId: number, page: number): Promise<WalletLog> {
    const query = this.app.db('wallet_ledger')
      .where({ user_id: userId })
      .orderBy('log_id', 'desc')
      .select('log_id', 'change_cents', 'balance_after_cents', 'reason', 'ref', 'c_time');
    const [balance, paged] = await Promise.all([
      this.balance(userId),
      paginate<LedgerRow, WalletLogRow>(query, page, this.app.config.paging.pageSize, (row) => ({
        log_id: Number(row.log_id),
        change: centsToYuan(Number(row.change_cents)),
        balance_after: centsToYuan(Number(row.balance_after_cents)),
        reason: row.reason,
        ref: row.ref ?? '',
        c_time: formatTime(Number(row.c_time)),
      })),
    ]);
    return { balance: centsToYuan(balance), ...paged };
  }

  private async creditIn(trx: Knex.Transaction, move: WalletMove): Promise<number> {
    checkMove(move);
    const now = unixSeconds(this.app.clock);
    await this.ensureAccount(trx, move.userId);
    const moved = await trx('wallet_accounts')
      .where({ user_id: move.userId })
      .andWhere('balance_cents', '<=', MAX_BALANCE_CENTS - move.cents)
      .update({ balance_cents: trx.raw('balance_cents + ?', [move.cents]), u_time: now });
    if (moved === 0) throw new WalletRefusal('over_limit');
    return this.record(trx, move, move.cents, now);
  }

  private async debitIn(trx: Knex.Transaction, move: WalletMove): Promise<number> {
    checkMove(move);
    const now = unixSeconds(this.app.clock);
    const moved = await trx('wallet_accounts')
      .where({ user_id: move.userId })
      .andWhere('balance_cents', '>=', move.cents)
      .update({ balance_cents: trx.raw('balance_cents - ?', [move.cents]), u_time: now });
    if (moved === 0) throw new WalletRefusal('insufficient');
    return this.record(trx, move, -move.cents, now);
  }

  /**
   * Creates the account at 0 when missing. A plain read first: a locking read or UPDATE of a missing row
   * gap-locks the key range, and parallel first credits of neighbouring members then deadlock on their
   * inserts.
   */
  private async ensureAccount(trx: Knex.Transaction, userId: number): Promise<void> {
    if (await trx('wallet_accounts').where({ user_id: userId }).first('user_id')) return;
    await trx('wallet_accounts').insert({ user_id: userId, balance_cents: 0, u_time: unixSeconds(this.app.clock) }).onConflict('user_id').ignore();
  }

  /** The ledger row of a balance change just made in `trx` (the account row is ours until trx ends). */
  private async record(trx: Knex.Transaction, move: WalletMove, change: number, now: number): Promise<number> {
    const balance = await this.balance(move.userId, trx);
    try {
      await trx('wallet_ledger').insert({
        user_id: move.userId,
        change_cents: change,
        balance_after_cents: balance,
        reason: move.reason,
        ref: move.ref ?? null,
        admin_id: move.adminId ?? 0,
        c_time: now,
      });
    } catch (err) {
      // The savepoint rolls the balance change back with the refusal.
      if (isUniqueViolation(err)) throw new WalletRefusal('duplicate');
      throw err;
    }
    return balance;
  }
}

/** What the methods' joi fields already guarantee, checked again because products call this directly. */
function checkMove(move: WalletMove): void {
  if (!Number.isSafeInteger(move.cents) || move.cents < 1 || move.cents > MAX_MOVE_CENTS) {
    throw new RangeError(`a wallet move is 1..${MAX_MOVE_CENTS} cents, not ${move.cents}`);
  }
  if (move.ref !== undefined && !REF_PATTERN.test(move.ref)) throw new RangeError(`bad wallet ref ${JSON.stringify(move.ref)}`);
  if (move.reason.length > 100) throw new RangeError('a wallet reason is at most 100 characters');
}

export const walletService = (app: AppContext): WalletService => new WalletService(app);

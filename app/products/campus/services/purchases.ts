import type { AppContext } from '../../../context';
import { unixSeconds } from '../../../core/clock';
import { formatTime } from '../../../core/time';
import type { Page } from '../../../platform/paging';
import { centsOf, centsToYuan } from '../../../platform/wallet/money';
import { isWalletRefusal, orderRef, walletService } from '../../../platform/wallet/wallet';
import { isUniqueViolation, transaction } from '../../../storage/db';
import { campusRefusals } from '../errors';
import type { Paging } from '../fields';
import { pageOf } from './common';
import { ProductStatus, productService, unitCents } from './products';
import { shopService } from './shops';

/** Decision 8: `paying` → `paid` | `cancelled`, nothing else. */
export const PurchaseState = { PAYING: 'paying', PAID: 'paid', CANCELLED: 'cancelled' } as const;
export const PURCHASE_STATES = Object.values(PurchaseState);
export const PAY_METHODS = ['wallet'] as const;
/** Unpaid purchases cancel after this (job campus.purchases.expire). */
export const PAYMENT_WINDOW_SEC = 30 * 60;

interface PurchaseRow {
  purchase_id: string;
  purchase_state: string;
  user_id: number;
  seller_id: number;
  shop_id: number;
  product_id: number;
  product_num: number;
  unit_cents: number;
  total_cents: number;
  purchase_type: number;
  pay_method: string | null;
  creat_time: number;
}

export interface Purchase {
  purchase_id: string;
  purchase_state: string;
  user_id: number;
  purchase_type: number;
  purchase_price: number;
  creat_time: string | null;
  pay_method: string | null;
}

export interface PurchaseDetail extends Purchase {
  product_id: number;
  product_num: number;
  product_unitprice: number;
  product_totalprice: number;
}

export interface PurchaseApplication {
  product_id: number;
  product_num: number;
  product_unitprice: number;
  product_totalprice: number;
}

function present(r: PurchaseRow): Purchase {
  return {
    purchase_id: r.purchase_id,
    purchase_state: r.purchase_state,
    user_id: Number(r.user_id),
    purchase_type: Number(r.purchase_type),
    purchase_price: centsToYuan(Number(r.total_cents)),
    creat_time: formatTime(Number(r.creat_time)),
    pay_method: r.pay_method,
  };
}

/** Decision 11: 10-digit unix time + the 7-digit product id, e.g. 1574951152 + 4517733. */
export const purchaseIdOf = (unixTime: number, productId: number): string => `${unixTime}${String(productId).padStart(7, '0')}`;

/** Purchases of one product from a student shop, paid from the shared wallet to the shop owner's. */
export class PurchaseService {
  constructor(private readonly app: AppContext) {}

  /** The server's prices decide (decision 9): the claim must be the current unit price and unit × num. */
  async apply(userId: number, params: PurchaseApplication): Promise<{ purchase_id: string }> {
    const product = await this.app.use(productService).byId(params.product_id);
    if (!product || Number(product.product_status) !== ProductStatus.ON_SALE) throw campusRefusals.productNotOnSale();
    const shop = await this.app.use(shopService).byId(Number(product.shop_id));
    if (!shop) throw campusRefusals.productNotOnSale();
    if (Number(shop.user_id) === userId) throw campusRefusals.ownShop();
    const unit = unitCents(product);
    const total = unit * params.product_num;
    if (centsOf(params.product_unitprice) !== unit || centsOf(params.product_totalprice) !== total) throw campusRefusals.priceChanged();
    const now = unixSeconds(this.app.clock);
    // A same-second clash on the id is bumped by one second (decision 11) until it is free.
    for (let bump = 0; ; bump++) {
      const purchaseId = purchaseIdOf(now + bump, Number(product.product_id));
      try {
        await this.app.db('campus_purchases').insert({
          purchase_id: purchaseId,
          purchase_state: PurchaseState.PAYING,
          user_id: userId,
          seller_id: Number(shop.user_id),
          shop_id: Number(shop.shop_id),
          product_id: Number(product.product_id),
          product_num: params.product_num,
          unit_cents: unit,
          total_cents: total,
          purchase_type: 0,
          pay_method: null,
          creat_time: now,
        });
        return { purchase_id: purchaseId };
      } catch (err) {
        if (!isUniqueViolation(err) || bump >= 99) throw err;
      }
    }
  }

  /**
   * One transaction: the state moves `paying` → `paid` by a conditional update (the row lock makes a
   * parallel payment wait and then find it paid), the buyer pays the shop owner through the wallet
   * (conditional debit; ref order:campus:<id>:pay, at most once), and the product's sales grow. A
   * refused debit rolls the state back with it.
   */
  async pay(userId: number, purchaseId: string, payMethod: string): Promise<void> {
    const row = await this.own(userId, purchaseId);
    if (!(PAY_METHODS as readonly string[]).includes(payMethod)) throw campusRefusals.payMethod();
    if (row.purchase_state !== PurchaseState.PAYING) throw campusRefusals.notAwaitingPayment();
    const wallet = this.app.use(walletService);
    await transaction(this.app.db, async (trx) => {
      const now = unixSeconds(this.app.clock);
      // Past the payment window it is as good as cancelled, even before the job has run.
      const moved = await trx('campus_purchases')
        .where({ purchase_id: purchaseId, purchase_state: PurchaseState.PAYING })
        .andWhere('creat_time', '>', now - PAYMENT_WINDOW_SEC)
        .update({ purchase_state: PurchaseState.PAID, pay_method: payMethod, paid_at: now });
      if (moved !== 1) throw campusRefusals.notAwaitingPayment();
      try {
        await wallet.transfer(
          {
            fromUserId: userId,
            toUserId: Number(row.seller_id),
            cents: Number(row.total_cents),
            reason: `校园商城订单 ${purchaseId}`,
            toReason: `校园商城售出 ${purchaseId}`,
            ref: orderRef('campus', purchaseId, 'pay'),
          },
          trx,
        );
      } catch (err) {
        if (isWalletRefusal(err, 'insufficient')) throw campusRefusals.balanceNotEnough();
        throw err;
      }
      await trx('campus_products').where({ product_id: row.product_id }).increment('product_sale', Number(row.product_num));
    });
  }

  async cancel(userId: number, purchaseId: string): Promise<void> {
    await this.own(userId, purchaseId);
    const moved = await this.app.db('campus_purchases')
      .where({ purchase_id: purchaseId, purchase_state: PurchaseState.PAYING })
      .update({ purchase_state: PurchaseState.CANCELLED, cancelled_at: unixSeconds(this.app.clock) });
    if (moved !== 1) throw campusRefusals.notAwaitingPayment();
  }

  async info(userId: number, purchaseId: string): Promise<PurchaseDetail> {
    const row = await this.own(userId, purchaseId);
    return {
      ...present(row),
      product_id: Number(row.product_id),
      product_num: Number(row.product_num),
      product_unitprice: centsToYuan(Number(row.unit_cents)),
      product_totalprice: centsToYuan(Number(row.total_cents)),
    };
  }

  /** purchase.list (the caller's) and admin campus.purchase.list (by buyer or shop): newest first. */
  list(filter: { user_id?: number; shop_id?: number; state?: string }, paging: Paging): Promise<Page<Purchase>> {
    const query = this.app.db('campus_purchases').select('*');
    if (filter.user_id !== undefined) query.where({ user_id: filter.user_id });
    if (filter.shop_id !== undefined) query.where({ shop_id: filter.shop_id });
    if (filter.state !== undefined) query.where({ purchase_state: filter.state });
    return pageOf<PurchaseRow, Purchase>(query, paging, [], [['creat_time', 'desc'], ['purchase_id', 'desc']], present);
  }

  /** Cancels purchases left unpaid for the payment window; answers how many. */
  expireUnpaid(): Promise<number> {
    const now = unixSeconds(this.app.clock);
    return this.app.db('campus_purchases')
      .where({ purchase_state: PurchaseState.PAYING })
      .andWhere('creat_time', '<=', now - PAYMENT_WINDOW_SEC)
      .update({ purchase_state: PurchaseState.CANCELLED, cancelled_at: now });
  }

  private async own(userId: number, purchaseId: string): Promise<PurchaseRow> {
    const row: PurchaseRow | undefined = await this.app.db('campus_purchases').where({ purchase_id: purchaseId }).first();
    if (!row) throw campusRefusals.purchaseNotFound();
    if (Number(row.user_id) !== userId) throw campusRefusals.purchaseNotYours();
    return row;
  }
}

export const purchaseService = (app: AppContext): PurchaseService => new PurchaseService(app);

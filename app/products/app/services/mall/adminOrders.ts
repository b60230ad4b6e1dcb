import type { AppContext } from '../../../../context';
import { refuse } from '../../../../core/errors';
import { paginate, type Page } from '../../../../platform/paging';
import { orderService, type OrderFilter, type OrderView } from './orders';

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

export interface AdminOrderView extends OrderView {
  express_name: string;
  express_sn: string;
  close_reason: string;
  user: { open_id: string; mobile: string };
}

interface ExtraRow {
  orderid: number;
  express_name: string;
  express_sn: string;
  close_reason: string;
  open_id: string | null;
  mobile: string | null;
}

/**
 * The back office's view of members' orders: the app's Order shape (built by the order service) plus
 * the member and the staff-only columns (express, close reason).
 */
export class AdminOrderService {
  constructor(private readonly app: AppContext) {}

  async findMember(ref: MemberRef): Promise<Member | undefined> {
    if (ref.open_id === undefined && ref.mobile === undefined) return undefined;
    const query = this.app.db('users');
    if (ref.open_id !== undefined) query.where({ open_id: ref.open_id });
    if (ref.mobile !== undefined) query.where({ mobile: ref.mobile });
    const row = await query.first('id', 'open_id', 'mobile');
    return row ? { id: Number(row.id), open_id: row.open_id, mobile: row.mobile } : undefined;
  }

  async requireMember(ref: MemberRef): Promise<Member> {
    const member = await this.findMember(ref);
    if (!member) throw refuse('user not found');
    return member;
  }

  async list(filter: OrderFilter & MemberRef): Promise<Page<AdminOrderView>> {
    const named = filter.open_id !== undefined || filter.mobile !== undefined;
    const member = named ? await this.findMember(filter) : undefined;
    if (named && !member) return paginate(this.app.db('orders').whereRaw('1 = 0'), filter.page, this.app.config.paging.pageSize);
    const page = await this.app.use(orderService).list(filter, member?.id);
    return { ...page, list: await this.withStaffColumns(page.list) };
  }

  async detail(orderid: number): Promise<AdminOrderView> {
    const [view] = await this.withStaffColumns([await this.app.use(orderService).detail(orderid)]);
    return view;
  }

  private async withStaffColumns(views: Array<OrderView & { user_id: number }>): Promise<AdminOrderView[]> {
    const ids = views.map((view) => view.orderid);
    const rows = ids.length
      ? ((await this.app.db('orders as o')
          .leftJoin('users as u', 'u.id', 'o.user_id')
          .whereIn('o.orderid', ids)
          .select('o.orderid', 'o.express_name', 'o.express_sn', 'o.close_reason', 'u.open_id', 'u.mobile')) as ExtraRow[])
      : [];
    const byId = new Map(rows.map((row) => [Number(row.orderid), row]));
    return views.map(({ user_id: _userId, ...view }) => {
      const extra = byId.get(view.orderid);
      return {
        ...view,
        express_name: extra?.express_name ?? '',
        express_sn: extra?.express_sn ?? '',
        close_reason: extra?.close_reason ?? '',
        user: { open_id: extra?.open_id ?? '', mobile: extra?.mobile ?? '' },
      };
    });
  }
}

export const adminOrderService = (app: AppContext): AdminOrderService => new AdminOrderService(app);

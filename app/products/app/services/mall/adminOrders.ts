import type { AppContext } from '../../../../context';
import { memberDirectory, type MemberRef } from '../../../../platform/identity/members';
import { userDirectory } from '../../../../platform/identity/users';
import { paginate, type Page } from '../../../../platform/paging';
import { orderService, type OrderFilter, type OrderView } from './orders';

export type { MemberRef } from '../../../../platform/identity/members';

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
}

/**
 * The back office's view of members' orders: the app's Order shape (built by the order service) plus
 * the member and the staff-only columns (express, close reason).
 */
export class AdminOrderService {
  constructor(private readonly app: AppContext) {}

  async list(filter: OrderFilter & MemberRef): Promise<Page<AdminOrderView>> {
    const named = filter.open_id !== undefined || filter.mobile !== undefined;
    const member = named ? await this.app.use(memberDirectory).find(filter) : undefined;
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
      ? ((await this.app.db('orders').whereIn('orderid', ids).select('orderid', 'express_name', 'express_sn', 'close_reason')) as ExtraRow[])
      : [];
    const members = new Map((await this.app.use(userDirectory).byIds(views.map((view) => view.user_id))).map((user) => [user.id, user]));
    const byId = new Map(rows.map((row) => [Number(row.orderid), row]));
    return views.map(({ user_id: userId, ...view }) => {
      const extra = byId.get(view.orderid);
      const member = members.get(Number(userId));
      return {
        ...view,
        express_name: extra?.express_name ?? '',
        express_sn: extra?.express_sn ?? '',
        close_reason: extra?.close_reason ?? '',
        user: { open_id: member?.open_id ?? '', mobile: member?.mobile ?? '' },
      };
    });
  }
}

export const adminOrderService = (app: AppContext): AdminOrderService => new AdminOrderService(app);

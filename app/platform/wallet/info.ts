import Joi from 'joi';
import type { AppContext } from '../../context';
import type { Caller } from '../../core/caller';
import { pageParam } from '../paging';
import { walletService, type WalletLog } from './wallet';

/**
 * `wallet.info` as every product serves it (show, campus): the member's own wallet in the shape of admin
 * wallet.log. A product's module is `defineMethod({ ...walletInfoMethod, namespaces: ['<product>'] })`, so
 * the answers cannot drift apart.
 */
export const walletInfoMethod = {
  name: 'wallet.info',
  since: '1.0.0',
  user: 'required',
  writes: false,
  summary: "The member's wallet balance and its ledger in yuan, newest first.",
  schema: Joi.object<{ page: number }>({ page: pageParam }),
  handler: async ({ page }: { page: number }, call: Pick<Caller, 'user'>, app: AppContext): Promise<WalletLog> =>
    app.use(walletService).log(call.user!.userId, page),
} as const;

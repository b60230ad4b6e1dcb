import type { AppContext } from '../../context';
import type { MemberRef } from '../identity/members';
import { memberDirectory } from '../identity/members';
import { centsToYuan, yuanToCents } from './money';
import { walletService } from './wallet';

export interface AdminWalletMove extends MemberRef {
  admin_id: number;
  amount: number;
  reason: string;
}

/** A back-office credit or debit as one ledger row (no ref: the replay guard stops a resent call); answers the new balance in yuan. */
export async function adminWalletMove(app: AppContext, params: AdminWalletMove, direction: 'credit' | 'debit'): Promise<{ balance: number }> {
  const member = await app.use(memberDirectory).require(params);
  const move = { userId: member.id, cents: yuanToCents(params.amount), reason: params.reason, adminId: params.admin_id };
  const wallet = app.use(walletService);
  const cents = direction === 'credit' ? await wallet.credit(move) : await wallet.debit(move);
  return { balance: centsToYuan(cents) };
}

import { defineMethod } from '../../../../../registry/method';
import { walletInfoMethod } from '../../../../../platform/wallet/info';

export const showWalletInfo = defineMethod({ ...walletInfoMethod, namespaces: ['show'] });

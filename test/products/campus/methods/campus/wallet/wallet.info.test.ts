import { describeWalletInfo } from '../../../../../helpers/wallet';

describeWalletInfo('campus');

import { clothLikeMethod } from '../../../clothMethods';

export const showMerchantClothUnlike = clothLikeMethod('merchant.cloth.unlike', 'merchant', false);

import { clothListMethod } from '../../../clothMethods';

export const showMerchantClothList = clothListMethod('merchant.cloth.list', 'merchant', 'merchant_cloth_list');

import { refuse } from '../../core/errors';

/**
 * The campus product's refusals (503), in the catalogue's words; the seed's local status number is
 * kept in brackets where it had one, so a client ported from the seed can still tell them apart.
 */
export const campusRefusals = {
  captchaWrong: () => refuse('captcha wrong or expired'),
  phoneInvalid: () => refuse('phone invalid'),
  smsUnavailable: () => refuse('SMS unavailable'),
  notFound: () => refuse('not found'),
  propertyNotYours: () => refuse('not found or not yours'),
  propertyPicNum: () => refuse('pic_num does not match the picture URLs given'),
  propertyKeyWithFilters: () => refuse('key cannot be combined with other filters'),
  shopNameUsed: () => refuse('shop name already used (100)'),
  shopLimit: (limit: number) => refuse(`shop limit reached (101): at most ${limit} shops per user`),
  shopNotYours: () => refuse('not found or not your shop (100)'),
  shopNotFound: () => refuse('shop not found'),
  productNoRight: () => refuse('no right to operate (100)'),
  productNotFound: () => refuse('product not found (100)'),
  productDisprice: () => refuse('product_disprice must be below product_price'),
  productNotOnSale: () => refuse('product not found or not on sale (100)'),
  priceChanged: () => refuse('price changed: reload the product'),
  ownShop: () => refuse('cannot buy from your own shop'),
  purchaseNotFound: () => refuse('purchase not found (100)'),
  purchaseNotYours: () => refuse('purchase not yours (101)'),
  balanceNotEnough: () => refuse('balance not enough (102)'),
  payMethod: () => refuse('pay method not allowed (200)'),
  notAwaitingPayment: () => refuse('purchase not awaiting payment (201)'),
  pictureNotFound: () => refuse('picture not found'),
} as const;

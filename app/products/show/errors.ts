import { ApiError, Code, refuse } from '../../core/errors';

/**
 * The show product's refusals, in the catalogue's language (catalog-show.md: English). Each is a
 * function so every call site gets a fresh, stackless error with the same text.
 */
export const showErrors = {
  notRegistered: () => new ApiError(Code.NOT_REGISTERED, 'phone not registered'),
  alreadyRegistered: () => new ApiError(Code.ALREADY_REGISTERED, 'phone already registered'),
  wrongPasswordText: 'wrong password',
  disabled: () => refuse('account disabled'),
  userNotFound: () => refuse('user not found'),
  yourself: () => refuse('not allowed on yourself'),
  messageToSelf: () => refuse('cannot message yourself'),
  blocked: () => refuse('blocked by this user'),
  youBlock: () => refuse('you block this user: unblock first'),
  articleNotFound: () => refuse('article not found'),
  notYourArticle: () => refuse('article not found or not yours'),
  commentNotFound: () => refuse('comment not found or not yours'),
  messageNotFound: () => refuse('message not found or not yours'),
  tooManyMessages: () => refuse('too many messages: try again in a minute'),
  bannerNotFound: () => refuse('banner not found'),
  noMerchantProfile: () => refuse('not a merchant yet: give the shop card with show.merchant.set first'),
  ticketNotFound: () => refuse('ticket not found'),
  ticketNotOnSale: () => refuse('ticket not found or off sale'),
  totalBelowTaken: (taken: number) => refuse(`total: not below what is sold or reserved (${taken})`),
  cartLineOver: (max: number) => refuse(`cart line over ${max}: at most ${max} of one ticket`),
  cartFull: (max: number) => refuse(`cart full: at most ${max} different tickets`),
  notInCart: () => refuse('ticket not in cart'),
  clothNotFound: () => refuse('cloth not found'),
  notMerchant: () => refuse('merchant_uid: not a merchant'),
  designHasNoMerchant: () => refuse('merchant_uid: design circle clothes have no merchant'),
  nothingToUpdate: () => refuse('nothing to update: give at least one field'),
  emailTaken: () => refuse('email: already used by another account'),
  notEnoughRemaining: () => refuse('not enough tickets remaining'),
  orderListsDiffer: () => refuse('ticket_id_list and number_list differ in length'),
  orderTooLarge: () => refuse('order total too large: split it'),
  orderNotFound: () => refuse('order not found or not yours'),
  onlyUnpaidCancel: () => refuse('only unpaid orders can be cancelled'),
  orderNotUnpaid: () => refuse('order is not unpaid'),
  balanceNotEnough: () => refuse('balance not enough'),
};

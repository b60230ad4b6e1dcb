import { ApiError, Code, refuse } from '../../core/errors';

/** The account product's refusal texts (catalog-account.md, in its language), in one place. */
export const accountErrors = {
  faqNotFound: () => refuse('FAQ not found'),
  categoryNotFound: () => refuse('feedback category not found'),
  feedbackNotFound: () => refuse('feedback not found'),
  tooManyFeedbacks: (cap: number) => refuse(`too many feedbacks today (at most ${cap} a day)`),
  clientNotBound: () => refuse('push client not bound to you'),
  pushNotFound: () => refuse('push not found'),
  appidNotAccount: () => refuse('app_id: not an appid of api type account'),
  usersNotFound: (ids: number[]) => refuse(`user_ids: no such user ${ids.slice(0, 5).join(', ')}`),
  birthdayNotPast: () => refuse('birthday must be a date in the past'),
  nothingToUpdate: () => refuse('give at least one field to change'),
  alreadyRegistered: () => new ApiError(Code.ALREADY_REGISTERED, 'the account is already registered, please log in'),
  notRegistered: () => new ApiError(Code.NOT_REGISTERED, 'the account is not registered'),
  wrongPasswordText: 'wrong account or password',
  badAccount: () => refuse('account: give a mobile number (area 86: 11 digits starting 13-19; elsewhere 5 to 15 digits) or an e-mail address'),
  inactive: () => refuse('the account is inactive'),
  sessionGone: () => new ApiError(Code.LOGIN_TIMEOUT, 'login timed out, please log in again'),
};

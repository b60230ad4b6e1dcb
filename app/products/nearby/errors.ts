import { refuse } from '../../core/errors';

/**
 * The nearby product's refusals, in the catalogue's language (catalog-nearby.md: English). Each is a
 * function so every call site gets a fresh, stackless error with the same text.
 */
export const nearbyErrors = {
  itemNotFound: (id?: string) => refuse(id ? `item not found: ${id}` : 'item not found'),
  locationUnknown: () => refuse('location unknown: send latitude and longitude, or list the community first'),
  locationOutOfRange: () => refuse('location out of range'),
  locationInvalid: () => refuse('location data invalid'),
  postNotFound: () => refuse('post not found'),
  notYourPost: () => refuse('not your post'),
  notAllowed: () => refuse('not allowed'),
  messageNotFound: () => refuse('message not found or not addressed to you'),
  userNotFound: () => refuse('user not found'),
  receiverNotFound: () => refuse('receiver not found'),
  messageToSelf: () => refuse('cannot message yourself'),
  textRequired: () => refuse('text or text_list required'),
  nothingToUpdate: () => refuse('nothing to update: send content or item_id'),
};

import { relationToggle } from '../../../relationMethods';

export const showSnsFollow = relationToggle('follow', 'Follows a user (idempotent); refused while either of the two blocks the other.');

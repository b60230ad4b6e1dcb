import { relationToggle } from '../../../relationMethods';

export const showSnsUnfollow = relationToggle('unfollow', 'Stops following a user (idempotent).');

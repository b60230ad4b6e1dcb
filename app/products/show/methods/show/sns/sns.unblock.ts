import { relationToggle } from '../../../relationMethods';

export const showSnsUnblock = relationToggle('unblock', 'Lifts a block (idempotent).');

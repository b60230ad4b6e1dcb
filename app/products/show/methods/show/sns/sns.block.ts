import { relationToggle } from '../../../relationMethods';

export const showSnsBlock = relationToggle('block', 'Blocks a user (idempotent); the follows both ways end with it.');

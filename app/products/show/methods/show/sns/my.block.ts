import { relationList } from '../../../relationMethods';

export const showMyBlock = relationList('my_block', 'block', 'The uids the caller blocks, newest first; paged (limit default 100, at most 500).');

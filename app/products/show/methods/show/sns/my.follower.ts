import { relationList } from '../../../relationMethods';

export const showMyFollower = relationList('my_follower', 'follower', 'The uids following the caller, newest first; paged (limit default 100, at most 500).');

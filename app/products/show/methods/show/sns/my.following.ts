import { relationList } from '../../../relationMethods';

export const showMyFollowing = relationList('my_following', 'following', 'The uids the caller follows, newest first; paged (limit default 100, at most 500).');

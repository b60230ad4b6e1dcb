import { articleReactionMethod } from '../../../articleMethods';

export const showArticleUnlike = articleReactionMethod('article.unlike', 'like', true, 'Takes back a like (idempotent: nothing to take back changes nothing).');

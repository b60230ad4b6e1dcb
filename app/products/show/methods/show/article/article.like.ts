import { articleReactionMethod } from '../../../articleMethods';

export const showArticleLike = articleReactionMethod('article.like', 'like', false, 'Likes an article (idempotent: liking it again changes nothing).');

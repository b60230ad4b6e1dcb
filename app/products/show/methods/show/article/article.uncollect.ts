import { articleReactionMethod } from '../../../articleMethods';

export const showArticleUncollect = articleReactionMethod('article.uncollect', 'collect', true, 'Takes an article out of the collection (idempotent).');

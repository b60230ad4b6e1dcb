import { articleReactionMethod } from '../../../articleMethods';

export const showArticleCollect = articleReactionMethod('article.collect', 'collect', false, 'Collects an article (idempotent).');

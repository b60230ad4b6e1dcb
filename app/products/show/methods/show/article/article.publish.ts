import Joi from 'joi';
import { OwnerType, uploadService } from '../../../../../platform/files/uploads';
import { defineMethod } from '../../../../../registry/method';
import { imageRefField } from '../../../fields';
import { showArticles } from '../../../services/articles';

interface Params {
  content: string;
  images: Array<string | number>;
}

export const showArticlePublish = defineMethod<Params, { article_id: string }>({
  name: 'article.publish',
  namespaces: ['show'],
  since: '1.0.0',
  user: 'required',
  writes: true,
  summary: "Publishes an article: text (1..2000) and up to nine of the caller's images (file ids or our URLs); answers article_id.",
  schema: Joi.object({
    content: Joi.string().trim().min(1).max(2000).required(),
    images: Joi.array().items(imageRefField()).max(9).default([]),
  }),
  async handler(params, call, app) {
    const userId = call.user!.userId;
    // Only the author's own files: a note must not show somebody else's pictures as its own.
    const images = await app.use(uploadService).resolveUrls(params.images, { label: 'images', owner: { type: OwnerType.USER, id: userId } });
    return { article_id: String(await app.use(showArticles).publish(userId, { content: params.content, images })) };
  },
});

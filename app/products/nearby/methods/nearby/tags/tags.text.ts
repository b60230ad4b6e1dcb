import Joi from 'joi';
import { defineMethod } from '../../../../../registry/method';
import { nearbyErrors } from '../../../errors';
import { keywords } from '../../../../../platform/text/keywords';

interface Params {
  text_list?: string[];
  text?: string;
  topk: number;
}

const textField = () => Joi.string().min(1).max(500);

export const tagsText = defineMethod<Params, { num: number; list: string[][] }>({
  name: 'tags.text',
  namespaces: ['nearby'],
  since: '1.0.0',
  user: 'none',
  writes: false,
  summary: 'Keywords of each text (jieba + TF-IDF), one list per input in input order, each sorted by code point.',
  schema: Joi.object({
    text_list: Joi.array().items(textField().required()).min(1).max(50),
    text: textField(),
    topk: Joi.number().integer().min(1).max(20).default(10),
  }),
  async handler(params) {
    // text_list wins over text; a lone text is a list of one (seed).
    const texts = params.text_list ?? (params.text !== undefined ? [params.text] : undefined);
    if (!texts) throw nearbyErrors.textRequired();
    const list = texts.map((text) => keywords(text, params.topk));
    return { num: list.length, list };
  },
});

import { Jieba, TfIdf } from '@node-rs/jieba';
import { dict, idf } from '@node-rs/jieba/dict';

/**
 * Chinese keywords by jieba + TF-IDF (catalog-nearby.md decision 4; show clothes' tags use the same,
 * catalog-show.md decision 15): the bundled dictionary and IDF table plus a small domain dictionary of
 * shop words the general one splits (玻尿酸 would become 尿酸). Loaded once per process on first use (the
 * dictionary takes ~100 ms to build); both objects are read-only afterwards.
 */
const DOMAIN_WORDS = ['网红', '玻尿酸', '防晒霜', '洗面奶', '卸妆水', '爽肤水', '连衣裙', '羽绒服', '螺蛳粉', '坚果', '新中式', '马面裙', '工装', '束脚裤'];

interface Extractor {
  jieba: Jieba;
  tfidf: TfIdf;
}

let extractor: Extractor | undefined;

function load(): Extractor {
  if (extractor) return extractor;
  const jieba = Jieba.withDict(dict);
  jieba.loadDict(Buffer.from(DOMAIN_WORDS.map((w) => `${w} 100000 n`).join('\n')));
  const tfidf = TfIdf.withDict(idf);
  tfidf.setConfig({ useHmm: true, minKeywordLength: 2 });
  extractor = { jieba, tfidf };
  return extractor;
}

export interface Keyword {
  keyword: string;
  weight: number;
}

/** Letters (any script) and digits only: "99%" is the keyword "99". */
const normalise = (word: string) => word.replace(/[^\p{L}\p{N}]+/gu, '');

const byCodePoint = (a: string, b: string) => {
  const x = [...a];
  const y = [...b];
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const d = x[i].codePointAt(0)! - y[i].codePointAt(0)!;
    if (d !== 0) return d;
  }
  return x.length - y.length;
};

/** The top `topk` keywords of `text` with their TF-IDF weights, strongest first. */
export function weightedKeywords(text: string, topk: number): Keyword[] {
  const { jieba, tfidf } = load();
  const seen = new Map<string, number>();
  for (const { keyword, weight } of tfidf.extractKeywords(jieba, text, topk)) {
    const word = normalise(keyword);
    if (word.length < 2 || seen.has(word)) continue;
    seen.set(word, weight);
  }
  return [...seen].map(([keyword, weight]) => ({ keyword, weight }));
}

/** `tags.text`: the keywords of one text, sorted by Unicode code point (the seed's order). */
export function keywords(text: string, topk: number): string[] {
  return weightedKeywords(text, topk)
    .map((k) => k.keyword)
    .sort(byCodePoint);
}

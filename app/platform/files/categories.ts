/**
 * What a file illustrates, recorded on every row so a product can list, name and check its own files.
 * `general` is what `system.upload` stores (it says nothing about the use); products pass theirs. A new
 * use is one word added here: the column is a plain string, no migration needed.
 */
export const FILE_CATEGORIES = [
  'general',
  'avatar',
  'article',
  'cloth',
  'merchant',
  'banner',
  'ticket',
  'property',
  'shop',
  'product',
  'news',
  'goods',
  'ad',
  'notice',
] as const;

export type FileCategory = (typeof FILE_CATEGORIES)[number];

export function isFileCategory(value: unknown): value is FileCategory {
  return typeof value === 'string' && (FILE_CATEGORIES as readonly string[]).includes(value);
}

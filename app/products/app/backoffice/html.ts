/**
 * Cleans back-office HTML (news content, notice bodies, goods descriptions) before the app renders it in
 * a web view: removes script-like elements with their content and comments, keeps only allowed elements
 * and attributes, and drops script URLs. Attributes
 * are re-emitted quoted, so nothing the author typed can break out of a tag.
 */

import { refuse } from '../../../core/errors';

/** What a MySQL TEXT column holds, in bytes. */
const TEXT_COLUMN_BYTES = 65_535;

/**
 * The only elements and attributes that survive: what article and notice markup needs. Anything else
 * (svg, math, animate, form, unknown tags) loses its tag and keeps its text, so a new browser feature
 * cannot reopen a hole that a deny-list forgot.
 */
const ALLOWED_ELEMENTS = new Set(
  'p br hr b strong i em u s del ins small mark span div section article header footer h1 h2 h3 h4 h5 h6 ul ol li dl dt dd blockquote q pre code sub sup a img figure figcaption table caption thead tbody tfoot tr th td col colgroup video audio source'.split(' '),
);
const ALLOWED_ATTRIBUTES = new Set('href src alt title width height class style colspan rowspan align valign target rel controls poster start type'.split(' '));

/** Elements removed with everything inside them. */
const DROPPED_ELEMENTS = ['script', 'style', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'noscript', 'template', 'meta', 'base', 'link'];

const DROPPED_BLOCK = new RegExp(`<(${DROPPED_ELEMENTS.join('|')})\\b[^>]*>[\\s\\S]*?<\\/\\1\\s*>`, 'gi');
const DROPPED_TAG = new RegExp(`<\\/?(${DROPPED_ELEMENTS.join('|')})\\b[^>]*>?`, 'gi');
const COMMENT = /<!--[\s\S]*?(?:-->|$)|<![^>]*>|<\?[^>]*>/g;
const TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[^\s"'<>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*(\/?)>/g;
const ATTRIBUTE = /([^\s"'<>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;
/** Script schemes, and data: URLs other than the four image types the app shows. */
const SCRIPT_URL = /^(?:javascript:|vbscript:|livescript:|data:(?!image\/(?:png|gif|jpeg|webp)[;,]))/i;
/** Exactly the tags `sanitizeHtml` re-emits; any other `<` is text. */
const NOT_A_CLEAN_TAG = /<(?!\/[a-z][a-z0-9-]*>|[a-z][a-z0-9-]*(?: [^\s"'<>/=]+(?:="[^"<>]*")?)*(?: \/)?>)/g;

const NAMED_ENTITIES: Record<string, string> = { colon: ':', tab: '\t', newline: '\n', lpar: '(', rpar: ')', amp: '&', quot: '"', apos: "'", lt: '<', gt: '>' };

function decodeEntities(value: string): string {
  return value.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);?/gi, (whole, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : '';
    }
    return NAMED_ENTITIES[body.toLowerCase()] ?? whole;
  });
}

/** What a browser would see as the URL's scheme: entities decoded, whitespace and controls dropped. */
function isScriptUrl(value: string): boolean {
  // eslint-disable-next-line no-control-regex
  const squeezed = decodeEntities(value).replace(/[\u0000-\u0020\u007f-\u009f]+/g, '');
  return SCRIPT_URL.test(squeezed);
}

function escapeAttribute(value: string): string {
  return value.replace(/&(?!#?\w+;)/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function cleanAttributes(source: string): string {
  const kept: string[] = [];
  for (const match of source.matchAll(ATTRIBUTE)) {
    const name = match[1].toLowerCase();
    const value = match[2] ?? match[3] ?? match[4];
    if (!ALLOWED_ATTRIBUTES.has(name)) continue;
    if (value === undefined) {
      kept.push(name);
      continue;
    }
    if (isScriptUrl(value)) continue;
    if (name === 'style' && /expression\s*\(|url\s*\(|javascript:/i.test(decodeEntities(value))) continue;
    kept.push(`${name}="${escapeAttribute(value)}"`);
  }
  return kept.length ? ` ${kept.join(' ')}` : '';
}

function stripUntilStable(html: string): string {
  let current = html;
  for (;;) {
    const next = current.replace(COMMENT, '').replace(DROPPED_BLOCK, '').replace(DROPPED_TAG, '');
    if (next === current) return next;
    current = next;
  }
}

export function sanitizeHtml(html: string): string {
  const stripped = stripUntilStable(html);
  const rebuilt = stripped.replace(TAG, (_whole, close: string, tagName: string, attributes: string, selfClose: string) => {
    const name = tagName.toLowerCase();
    if (!ALLOWED_ELEMENTS.has(name)) return '';
    return close ? `</${name}>` : `<${name}${cleanAttributes(attributes)}${selfClose ? ' /' : ''}>`;
  });
  // A `<` that opens no well-formed tag is text; escaping it keeps a half tag from joining what follows.
  return rebuilt.replace(NOT_A_CLEAN_TAG, '&lt;');
}

/**
 * sanitizeHtml for a TEXT column: cleaning can lengthen markup (escaped `<`, quoted attributes), so
 * the stored size is checked after it, and a too-long text is a clear 503 instead of a database 500.
 */
export function sanitizeStoredHtml(html: string, field: string): string {
  const clean = sanitizeHtml(html);
  if (Buffer.byteLength(clean) > TEXT_COLUMN_BYTES) throw refuse(`${field} is too long (at most ${TEXT_COLUMN_BYTES} bytes of UTF-8 after cleaning)`);
  return clean;
}

/**
 * Cleans back-office HTML (news content, notice bodies, goods descriptions) before the app renders it in
 * a web view. sanitize-html parses the markup into a tree (htmlparser2, linear in the input) and writes
 * back only the elements, attributes, URL schemes and CSS properties listed here. Working on the tree
 * rather than on the text means removing a tag can never join its neighbours into a new one, and every
 * `<` that does not open an allowed element comes out as `&lt;`.
 */

import sanitize from 'sanitize-html';
import { refuse } from '../../../core/errors';

/** What a MySQL TEXT column holds, in bytes. */
const TEXT_COLUMN_BYTES = 65_535;

/**
 * What article and notice markup needs. Anything else (svg, math, animate, form, unknown tags) loses its
 * tag and keeps its text, so a new browser feature cannot reopen a hole that a deny-list forgot.
 */
const ALLOWED_ELEMENTS =
  'p br hr b strong i em u s del ins small mark span div section article header footer h1 h2 h3 h4 h5 h6 ul ol li dl dt dd blockquote q pre code sub sup a img figure figcaption table caption thead tbody tfoot tr th td col colgroup video audio source'.split(
    ' ',
  );
const ALLOWED_ATTRIBUTES = 'href src alt title width height class style colspan rowspan align valign target rel controls poster start type'.split(' ');

/** Elements dropped with everything inside them (their content is code or fallback, not article text). */
const DROPPED_WITH_CONTENT = ['script', 'style', 'textarea', 'option', 'select', 'noscript', 'noembed', 'noframes', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'template', 'title', 'xmp'];

/** Plain CSS values: words, numbers with units, colours; no functions but rgb()/rgba() (so no url(), no expression()). */
const PLAIN_CSS_VALUE = [/^[#\w\s.,%'"-]+$/, /^rgba?\([\d\s.,%]+\)$/];
const ALLOWED_STYLES = Object.fromEntries(
  [
    'color', 'background-color', 'font-size', 'font-weight', 'font-style', 'font-family', 'text-align', 'text-decoration', 'text-indent',
    'line-height', 'letter-spacing', 'vertical-align', 'white-space', 'width', 'height', 'max-width', 'border', 'border-collapse',
    'margin', 'margin-top', 'margin-right', 'margin-bottom', 'margin-left', 'padding', 'padding-top', 'padding-right', 'padding-bottom', 'padding-left',
  ].map((property) => [property, PLAIN_CSS_VALUE]),
);

/** data: URLs only for the four image types the app shows (a data:text/html "image" is a page). */
const IMAGE_DATA_URL = /^data:image\/(?:png|gif|jpeg|webp)[;,]/i;
const MEDIA_TAGS = ['img', 'video', 'audio', 'source'];

/** Drops a data: URL that is not an image from src/poster (attribute values arrive with entities decoded). */
function onlyImageDataUrls(tagName: string, attribs: sanitize.Attributes): sanitize.Tag {
  for (const name of ['src', 'poster']) {
    // eslint-disable-next-line no-control-regex
    const squeezed = attribs[name]?.replace(/[\u0000-\u0020\u007f-\u009f]+/g, '');
    if (squeezed && /^data:/i.test(squeezed) && !IMAGE_DATA_URL.test(squeezed)) delete attribs[name];
  }
  return { tagName, attribs };
}

const OPTIONS: sanitize.IOptions = {
  allowedTags: ALLOWED_ELEMENTS,
  allowedAttributes: { '*': ALLOWED_ATTRIBUTES },
  allowedSchemes: ['http', 'https', 'mailto', 'tel'],
  allowedSchemesByTag: Object.fromEntries(MEDIA_TAGS.map((tag) => [tag, ['http', 'https', 'data']])),
  allowedStyles: { '*': ALLOWED_STYLES },
  nonTextTags: DROPPED_WITH_CONTENT,
  transformTags: Object.fromEntries(MEDIA_TAGS.map((tag) => [tag, onlyImageDataUrls])),
  disallowedTagsMode: 'discard',
};

export function sanitizeHtml(html: string): string {
  return sanitize(html, OPTIONS);
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

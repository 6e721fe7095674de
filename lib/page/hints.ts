// Class/id/role hints that tell article prose from page furniture. The patterns follow
// mozilla/readability (Apache-2.0), whose choices were tuned on thousands of real pages.

/** Furniture we never look into while scoring, unless the name also says it may be content. */
export const UNLIKELY =
  /-ad-|ai2html|banner|breadcrumbs|combx|comment|community|cover-wrap|disqus|extra|footer|gdpr|header|legends|menu|related|remark|replies|rss|shoutbox|sidebar|skyscraper|social|sponsor|supplemental|ad-break|agegate|pagination|pager|popup|yom-remote|newsletter|subscribe|cookie|consent|paywall/i;
export const MAYBE_CONTENT = /and|article|body|column|content|main|mathjax|shadow/i;
export const POSITIVE = /article|body|content|entry|hentry|h-entry|main|page|pagination|post|text|blog|story/i;
export const NEGATIVE =
  /-ad-|hidden|^hid$| hid$| hid |^hid |banner|combx|comment|com-|contact|footer|gdpr|masthead|media|meta|outbrain|promo|related|scroll|share|shoutbox|sidebar|skyscraper|sponsor|shopping|tags|widget|newsletter|taboola/i;

/**
 * Photo credits and copyright lines ("Credit: STR/AFP", "Jane Doe / Reuters", "© 2017 The Times")
 * are never prose, and their names (photographers, agencies) are not the article's. Matched even
 * where the name also says content ("article-body-image-copyright"), and skipped like hidden
 * text rather than as furniture: an inline credit inside a kept caption stays out of the index too.
 */
const CREDIT = /credit|copyright/i;

/** Landmark roles that are never the article. */
const FURNITURE_ROLES = new Set(['navigation', 'banner', 'contentinfo', 'complementary', 'search', 'menu', 'menubar', 'dialog', 'alertdialog', 'alert', 'toolbar', 'tablist']);

/** Tags that are page furniture wherever they appear. */
const FURNITURE_TAGS = new Set(['NAV', 'ASIDE', 'FOOTER']);

export function classAndId(el: Element): string {
  const cls = el.getAttribute('class') ?? '';
  const id = el.getAttribute('id') ?? '';
  return cls + ' ' + id;
}

/**
 * Readability's class weight: +25 for each content-like name (class, id), −25 for each
 * furniture-like one; from the values the walk already read ('' or null when absent).
 */
export function classWeightBy(cls: string | null, id: string | null): number {
  let w = 0;
  if (cls) {
    if (NEGATIVE.test(cls)) w -= 25;
    if (POSITIVE.test(cls)) w += 25;
  }
  if (id) {
    if (NEGATIVE.test(id)) w -= 25;
    if (POSITIVE.test(id)) w += 25;
  }
  return w;
}

/** A photo credit or copyright line, from attribute values already read (see CREDIT). */
export function creditBy(itemprop: string | null, names: string): boolean {
  return (itemprop !== null && CREDIT.test(itemprop)) || (names.length > 1 && CREDIT.test(names));
}

/** A caption's class or id ("caption", "wp-caption-text", "media__caption"). */
const CAPTION = /caption/i;

/**
 * A block of a picture's caption: a figcaption, a block inside a figure or figcaption, or one
 * named a caption. Photo credits in its text go unmarked (lib/marks/credits.ts).
 */
export function isCaption(el: Element): boolean {
  const tag = el.tagName.toUpperCase();
  if (tag === 'FIGCAPTION' || tag === 'FIGURE') return true;
  if (CAPTION.test(classAndId(el))) return true;
  return el.parentElement?.closest('figure, figcaption') != null;
}

export function isCredit(el: Element): boolean {
  return creditBy(el.getAttribute('itemprop'), classAndId(el));
}

/** True for elements whose subtree is never article text: nav/aside/footer, furniture roles and names. */
export function isFurniture(el: Element, tag: string, byName = true): boolean {
  return furnitureBy(tag, el.getAttribute('role'), el.getAttribute('itemprop'), classAndId(el), byName);
}

/** `isFurniture` from attribute values already read (null when absent; `names` is class + ' ' + id). */
export function furnitureBy(tag: string, role: string | null, itemprop: string | null, names: string, byName: boolean): boolean {
  if (tag === 'BODY' || tag === 'HTML' || tag === 'ARTICLE' || tag === 'MAIN') return false;
  if (FURNITURE_TAGS.has(tag)) return true;
  if (role && FURNITURE_ROLES.has(role.trim().toLowerCase())) return true;
  if (!byName || itemprop?.includes('articleBody')) return false;
  return names.length > 1 && UNLIKELY.test(names) && !MAYBE_CONTENT.test(names);
}

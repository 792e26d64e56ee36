import MarkdownIt from 'markdown-it';

/**
 * Case bodies are Markdown written by municipal staff and read by anyone, so rendering is the security
 * boundary: the API (`CaseStudy.bodyHtml`) and the web client's live preview run this same function and
 * therefore show the same thing.
 *
 * - Raw HTML is never passed through (`html: false` escapes it), so no `<script>` and no `on*=` attribute
 *   can be written; every attribute markdown-it emits is escaped.
 * - Only relative, http(s), mailto and tel URLs survive; `javascript:`, `data:`, `vbscript:`, `file:` and
 *   any other scheme are refused, so such a link renders as plain text.
 * - Every link gets `rel="noopener noreferrer nofollow"`; links to another origin also open in a new tab.
 * - Images on the same origin (or relative) render normally. External images are not loaded: they become a
 *   placeholder the client can turn into a consent button, because loading one would tell a third party
 *   who read the case (and municipal networks often block other hosts anyway).
 */
export interface RenderMarkdownOptions {
  /** Origin of the site, e.g. `https://yokoten.example`; absolute URLs on it count as same-origin. */
  origin?: string;
  /** Text of the external-image placeholder. */
  externalImageLabel?: string;
}

export const EXTERNAL_IMAGE_CLASS = 'external-image';
export const EXTERNAL_IMAGE_LABEL = '外部画像（クリックで表示）';
export const LINK_REL = 'noopener noreferrer nofollow';

const ALLOWED_SCHEMES = new Set(['http:', 'https:', 'mailto:', 'tel:']);
// Resolves relative URLs when no origin is configured; `.invalid` can never be a real host (RFC 2606).
const PLACEHOLDER_ORIGIN = 'https://same-origin.invalid';
const SCHEME = /^([a-z][a-z0-9+.-]*):/i;

/** Whitespace and control characters browsers ignore inside a scheme (`java\tscript:`). */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const IGNORED_IN_SCHEME = /[\u0000-\u0020\u007f-\u009f]/g;

export function isAllowedUrl(url: string): boolean {
  const compact = url.replace(IGNORED_IN_SCHEME, '');
  const scheme = SCHEME.exec(compact)?.[1];
  if (scheme === undefined) return true; // relative: path, query or fragment on this site
  return ALLOWED_SCHEMES.has(`${scheme.toLowerCase()}:`);
}

/**
 * Same origin as the site: relative URLs, and absolute ones on `origin`. Parsed the way a browser does, so
 * `//evil.example/x.png` and `/\evil.example/x.png` (both protocol-relative to a browser) count as external.
 */
export function isSameOrigin(url: string, origin?: string): boolean {
  const base = origin ?? PLACEHOLDER_ORIGIN;
  try {
    return new URL(url, base).origin === new URL(base).origin;
  } catch {
    return false;
  }
}

function createRenderer(options: RenderMarkdownOptions) {
  const md = new MarkdownIt({ html: false, linkify: true, breaks: true, typographer: false });
  md.validateLink = isAllowedUrl;
  const { escapeHtml } = md.utils;
  const label = options.externalImageLabel ?? EXTERNAL_IMAGE_LABEL;

  md.renderer.rules.link_open = (tokens, idx, opts, _env, self) => {
    const token = tokens[idx];
    const href = String(token.attrGet('href') ?? '');
    token.attrSet('rel', LINK_REL);
    if (/^https?:/i.test(href) && !isSameOrigin(href, options.origin)) token.attrSet('target', '_blank');
    return self.renderToken(tokens, idx, opts);
  };

  md.renderer.rules.image = (tokens, idx, opts, env, self) => {
    const token = tokens[idx];
    const src = String(token.attrGet('src') ?? '');
    const alt = self.renderInlineAsText(token.children ?? [], opts, env);
    if (isSameOrigin(src, options.origin)) {
      token.attrSet('alt', alt);
      token.attrSet('loading', 'lazy');
      return self.renderToken(tokens, idx, opts);
    }
    return (
      `<span class="${EXTERNAL_IMAGE_CLASS}" data-src="${escapeHtml(src)}" data-alt="${escapeHtml(alt)}">` +
      `${escapeHtml(label)}</span>`
    );
  };
  return md;
}

// The CommonJS and ESM typings of markdown-it name the instance type differently; infer it instead.
const renderers = new Map<string, ReturnType<typeof createRenderer>>();

/** Markdown → safe HTML (see the module comment for what "safe" covers). */
export function renderMarkdown(markdown: string, options: RenderMarkdownOptions = {}): string {
  const key = `${options.origin ?? ''}\n${options.externalImageLabel ?? ''}`;
  let md = renderers.get(key);
  if (!md) {
    md = createRenderer(options);
    renderers.set(key, md);
  }
  return md.render(markdown);
}

import MarkdownIt from 'markdown-it';

type Md = ReturnType<typeof create>;
type Token = ReturnType<Md['parse']>[number];

function create() {
  return new MarkdownIt({ html: false, linkify: false, typographer: false });
}
let md: Md | undefined;

// Block tokens after which the text of the next block must not run on into this one.
const BREAK_AFTER = new Set([
  'paragraph_close',
  'heading_close',
  'list_item_close',
  'blockquote_close',
  'th_close',
  'td_close',
  'tr_close',
  'hr',
]);

function inlineText(children: Token[] | null, out: string[]): void {
  for (const child of children ?? []) {
    if (child.type === 'text' || child.type === 'code_inline') out.push(child.content);
    else if (child.type === 'softbreak' || child.type === 'hardbreak') out.push('\n');
    else if (child.type === 'image') inlineText(child.children, out);
  }
}

/**
 * The words of a Markdown text without its markup (headings, list markers, emphasis, link targets, table
 * pipes), for the search index: what a reader sees, so that `**DX**` is found as DX and URLs do not match.
 */
export function markdownToPlainText(markdown: string): string {
  md ??= create();
  const out: string[] = [];
  for (const token of md.parse(markdown, {})) {
    if (token.type === 'inline') inlineText(token.children, out);
    else if (token.type === 'code_block' || token.type === 'fence') out.push(token.content, '\n');
    else if (BREAK_AFTER.has(token.type)) out.push('\n');
  }
  return out
    .join('')
    .replace(/[ \t\u3000]+/g, ' ')
    .replace(/ ?\n[\s]*/g, '\n')
    .trim();
}

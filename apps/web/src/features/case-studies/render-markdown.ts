// The Markdown renderer the API uses for bodyHtml (markdown-it, ≈ 40 kB compressed), in a module of its own so
// that the case editor downloads it when the preview is first opened (markdown-field.tsx), not with the page.
export { renderMarkdown } from '@yokoten/case-studies';

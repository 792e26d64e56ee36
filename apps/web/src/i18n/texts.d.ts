// The Japanese texts in two parts, made at build time (`splitJapaneseTexts` in apps/web/vite.config.ts).
declare module 'virtual:yokoten/ja-first-load' {
  const texts: Record<string, unknown>;
  export default texts;
}
declare module 'virtual:yokoten/ja-rest' {
  const texts: Record<string, unknown>;
  export default texts;
}

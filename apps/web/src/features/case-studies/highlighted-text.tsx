import type { ReactNode } from 'react';

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Undoes the API's HTML escaping of a highlight, without letting a browser parse anything. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity, name: string) => {
    if (name[0] === '#') {
      const code =
        name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : entity;
    }
    return ENTITIES[name.toLowerCase()] ?? entity;
  });
}

/**
 * Splits an API highlight (`…<mark>DX</mark>人材…`, everything else HTML-escaped) into text and marked
 * parts. Only the literal `<mark>` and `</mark>` tags count; anything else stays text, so even a highlight
 * that was not escaped properly cannot inject markup.
 */
export function highlightParts(html: string): { text: string; marked: boolean }[] {
  const parts: { text: string; marked: boolean }[] = [];
  let marked = false;
  for (const piece of html.split(/(<mark>|<\/mark>)/)) {
    if (piece === '<mark>') marked = true;
    else if (piece === '</mark>') marked = false;
    else if (piece) {
      const text = decodeEntities(piece);
      const previous = parts[parts.length - 1];
      // 「<mark>リス</mark><mark>キリング</mark>」 is one word to a reader: show it as one mark.
      if (previous && previous.marked === marked) previous.text += text;
      else parts.push({ text, marked });
    }
  }
  return parts;
}

/** A highlight rendered as React text with <mark> elements: no dangerouslySetInnerHTML. */
export function HighlightedText({
  html,
  fallback,
}: {
  html: string | null | undefined;
  fallback?: ReactNode;
}) {
  if (!html) return <>{fallback}</>;
  return (
    <>
      {highlightParts(html).map((part, index) =>
        part.marked ? (
          <mark key={index} className="rounded-4 bg-yellow-300 text-solid-gray-900">
            {part.text}
          </mark>
        ) : (
          <span key={index}>{part.text}</span>
        ),
      )}
    </>
  );
}

import { useEffect, useId, useMemo, useRef, useState, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';

/** Prose styles for rendered Markdown (the app's reset removes list markers, margins and table borders). */
const prose = [
  'max-w-3xl text-std-17N-170 text-solid-gray-800 break-words',
  '[&_p]:mt-4 [&_p:first-child]:mt-0',
  '[&_h2]:mt-8 [&_h2]:text-std-24B-150 [&_h2]:text-solid-gray-900',
  '[&_h3]:mt-8 [&_h3]:text-std-20B-150 [&_h3]:text-solid-gray-900',
  '[&_h4]:mt-6 [&_h4]:text-std-18B-160 [&_h4]:text-solid-gray-900',
  '[&_h5]:mt-6 [&_h5]:text-std-17B-170 [&_h6]:mt-6 [&_h6]:text-std-17B-170',
  '[&_ul]:mt-4 [&_ul]:list-disc [&_ul]:pl-6 [&_ol]:mt-4 [&_ol]:list-decimal [&_ol]:pl-6 [&_li]:mt-1',
  '[&_a]:text-blue-1000 [&_a]:underline [&_a]:underline-offset-[3px]',
  '[&_blockquote]:mt-4 [&_blockquote]:border-l-4 [&_blockquote]:border-solid-gray-420 [&_blockquote]:pl-4',
  '[&_code]:rounded-4 [&_code]:bg-solid-gray-50 [&_code]:px-1 [&_code]:text-mono-16N-150',
  '[&_pre]:mt-4 [&_pre]:overflow-x-auto [&_pre]:rounded-8 [&_pre]:bg-solid-gray-50 [&_pre]:p-4',
  '[&_hr]:my-8 [&_hr]:border-solid-gray-420',
  '[&_.table-scroll]:mt-4 [&_.table-scroll]:overflow-x-auto',
  '[&_table]:min-w-full [&_table]:border-collapse [&_table]:text-std-16N-170',
  '[&_th]:border [&_th]:border-solid-gray-420 [&_th]:bg-solid-gray-50 [&_th]:px-3 [&_th]:py-2 [&_th]:text-left',
  '[&_td]:border [&_td]:border-solid-gray-420 [&_td]:px-3 [&_td]:py-2',
  // On a phone a table shrinks to one character per line (実/施/前): headings stay whole, cells keep a few
  // characters' width, and the table scrolls sideways in its .table-scroll box instead.
  '[&_th]:whitespace-nowrap [&_td]:min-w-[5em]',
  '[&_img]:mt-2 [&_img]:max-w-full [&_img]:h-auto',
].join(' ');

const consentBox =
  'external-image-box mt-4 flex flex-wrap items-center gap-3 rounded-8 border border-dashed border-solid-gray-600 bg-solid-gray-50 p-4';
const consentButton =
  'inline-flex min-h-11 items-center justify-center rounded-8 border border-current bg-white px-4 py-2 text-oln-16B-100 text-blue-900 hover:bg-blue-200 hover:underline';

function hostOf(src: string): string {
  try {
    return new URL(src).host;
  } catch {
    return src;
  }
}

interface Texts {
  button: string;
  describe: (alt: string, host: string) => string;
  noAlt: string;
  tableLabel: string;
}

/**
 * Takes the sanitised HTML of the shared Markdown renderer and adjusts it for this page, in an inert
 * <template> (nothing in it loads or runs): headings move down `shift` levels so that they sit under the
 * section's own heading, wide tables scroll on their own, and each external-image placeholder becomes a
 * consent button, or the image itself once the reader has asked for it.
 */
function prepare(
  html: string,
  shift: number,
  consented: ReadonlySet<string>,
  idPrefix: string,
  texts: Texts,
) {
  const template = document.createElement('template');
  template.innerHTML = html;
  const root = template.content;

  if (shift > 0) {
    for (const heading of root.querySelectorAll('h1, h2, h3, h4, h5, h6')) {
      const level = Math.min(6, Number(heading.tagName[1]) + shift);
      const replacement = document.createElement(`h${level}`);
      replacement.append(...heading.childNodes);
      heading.replaceWith(replacement);
    }
  }

  for (const table of root.querySelectorAll('table')) {
    const wrapper = document.createElement('div');
    wrapper.className = 'table-scroll';
    // Scrollable on a phone: focusable so that a keyboard can scroll it too.
    wrapper.tabIndex = 0;
    wrapper.setAttribute('role', 'group');
    wrapper.setAttribute('aria-label', texts.tableLabel);
    table.replaceWith(wrapper);
    wrapper.append(table);
  }

  let index = 0;
  for (const placeholder of root.querySelectorAll<HTMLElement>('.external-image')) {
    const src = placeholder.dataset.src ?? '';
    const alt = placeholder.dataset.alt ?? '';
    index += 1;
    if (consented.has(src)) {
      const image = document.createElement('img');
      image.src = src;
      image.alt = alt;
      image.referrerPolicy = 'no-referrer';
      image.loading = 'lazy';
      image.dataset.externalLoaded = src;
      image.tabIndex = -1;
      placeholder.replaceWith(image);
      continue;
    }
    const box = document.createElement('span');
    box.className = consentBox;
    const description = document.createElement('span');
    description.id = `${idPrefix}-${index}`;
    description.className = 'text-std-16N-170';
    description.textContent = texts.describe(alt || texts.noAlt, hostOf(src));
    const button = document.createElement('button');
    button.type = 'button';
    button.className = consentButton;
    button.dataset.externalSrc = src;
    button.setAttribute('aria-describedby', description.id);
    button.textContent = texts.button;
    box.append(description, button);
    placeholder.replaceWith(box);
  }
  return template.innerHTML;
}

/**
 * A case body: HTML from the shared Markdown renderer (the API's bodyHtml, or the editor's preview).
 * That renderer escapes raw HTML and drops unsafe links, so this HTML is trusted; external images are
 * loaded only after the reader presses 「外部画像を表示」, because loading one tells another site who read
 * the case (and LGWAN blocks most of them anyway).
 */
export function CaseBody({ html, headingShift = 1 }: { html: string; headingShift?: number }) {
  const { t } = useTranslation();
  const idPrefix = useId().replace(/[^a-zA-Z0-9_-]/g, '');
  const [consented, setConsented] = useState<ReadonlySet<string>>(() => new Set());
  const focusAfterLoad = useRef<string | null>(null);
  const ref = useRef<HTMLDivElement>(null);

  const prepared = useMemo(
    () =>
      prepare(html, headingShift, consented, `ext-${idPrefix}`, {
        button: t('caseBody.showImage'),
        describe: (alt, host) => t('caseBody.imageDescription', { alt, host }),
        noAlt: t('caseBody.imageNoAlt'),
        tableLabel: t('caseBody.tableLabel'),
      }),
    [html, headingShift, consented, idPrefix, t],
  );

  // The button the reader pressed is gone: put focus on the image that replaced it.
  useEffect(() => {
    const src = focusAfterLoad.current;
    if (!src) return;
    focusAfterLoad.current = null;
    const image = [...(ref.current?.querySelectorAll<HTMLElement>('[data-external-loaded]') ?? [])].find(
      (element) => element.dataset.externalLoaded === src,
    );
    image?.focus();
  }, [prepared]);

  function onClick(event: MouseEvent<HTMLDivElement>) {
    const button = (event.target as Element).closest<HTMLButtonElement>('button[data-external-src]');
    const src = button?.dataset.externalSrc;
    if (!src) return;
    focusAfterLoad.current = src;
    setConsented((previous) => new Set(previous).add(src));
  }

  return (
    // The clicks handled here come from native buttons inside the rendered HTML (keyboard included).
    <div ref={ref} className={prose} onClick={onClick} dangerouslySetInnerHTML={{ __html: prepared }} />
  );
}

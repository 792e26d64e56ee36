import { useDeferredValue, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldError, fieldHint, fieldLabel, textInput } from '../../shared/ui-classes';
import { PublishRequiredMark } from './publish-required-mark';
import { Loading } from '../../shared/status';
import { CaseBody } from './case-body';

type Render = (markdown: string) => string;
let renderer: Promise<Render> | undefined;

/** markdown-it comes when the preview is first opened: most edits never open it (render-markdown.ts). */
function loadRenderer(): Promise<Render> {
  renderer ??= import('./render-markdown').then((module) => module.renderMarkdown);
  // A failed download is tried again the next time the preview opens.
  renderer.catch(() => (renderer = undefined));
  return renderer;
}

export type MarkdownTab = 'write' | 'preview';

/**
 * The body in Markdown, with a preview tab rendered by the same function the API uses for bodyHtml, so
 * what the officer sees here is what readers will see (external images as consent buttons included).
 */
export function MarkdownField({
  value,
  onChange,
  tab,
  onTabChange,
  error,
  count,
}: {
  value: string;
  onChange: (value: string) => void;
  tab: MarkdownTab;
  onTabChange: (tab: MarkdownTab) => void;
  error?: string;
  count: string;
}) {
  const { t } = useTranslation();
  const deferred = useDeferredValue(value);
  const [render, setRender] = useState<Render>();
  useEffect(() => {
    if (tab !== 'preview' || render) return;
    let current = true;
    loadRenderer().then(
      (loaded) => current && setRender(() => loaded),
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [tab, render]);
  const html = useMemo(() => (tab === 'preview' && render ? render(deferred) : ''), [deferred, tab, render]);
  const tabs = useRef<Record<MarkdownTab, HTMLButtonElement | null>>({ write: null, preview: null });

  function onKeyDown(event: KeyboardEvent<HTMLButtonElement>) {
    // The tabs pattern: arrow keys move between tabs, which are one Tab stop together.
    if (
      event.key !== 'ArrowLeft' &&
      event.key !== 'ArrowRight' &&
      event.key !== 'Home' &&
      event.key !== 'End'
    )
      return;
    event.preventDefault();
    const next: MarkdownTab =
      event.key === 'Home'
        ? 'write'
        : event.key === 'End'
          ? 'preview'
          : tab === 'write'
            ? 'preview'
            : 'write';
    onTabChange(next);
    tabs.current[next]?.focus();
  }

  const tabClass = (active: boolean) =>
    `min-h-11 rounded-t-8 border border-b-0 px-4 py-2 text-oln-16B-100 ${
      active
        ? 'border-solid-gray-900 bg-white text-solid-gray-900 underline underline-offset-[6px] decoration-2'
        : 'border-transparent bg-solid-gray-50 text-blue-1000 hover:underline'
    }`;

  return (
    <div className="flex flex-col gap-1">
      <label htmlFor="case-body" className={fieldLabel}>
        {t('caseFields.body')}
        <PublishRequiredMark />
      </label>
      <span id="case-body-hint" className={fieldHint}>
        {t('caseEditor.bodyHint')}
      </span>
      {error && (
        <span id="case-body-error" className={fieldError}>
          {error}
        </span>
      )}
      <div
        role="tablist"
        aria-label={t('caseEditor.bodyTabs')}
        className="mt-2 flex gap-1 border-b border-solid-gray-900"
      >
        <button
          ref={(element) => {
            tabs.current.write = element;
          }}
          type="button"
          role="tab"
          id="case-body-tab-write"
          aria-selected={tab === 'write'}
          aria-controls="case-body-panel-write"
          tabIndex={tab === 'write' ? 0 : -1}
          className={tabClass(tab === 'write')}
          onClick={() => onTabChange('write')}
          onKeyDown={onKeyDown}
        >
          {t('caseEditor.tabWrite')}
        </button>
        <button
          ref={(element) => {
            tabs.current.preview = element;
          }}
          type="button"
          role="tab"
          id="case-body-tab-preview"
          aria-selected={tab === 'preview'}
          aria-controls="case-body-panel-preview"
          tabIndex={tab === 'preview' ? 0 : -1}
          className={tabClass(tab === 'preview')}
          onClick={() => onTabChange('preview')}
          onKeyDown={onKeyDown}
        >
          {t('caseEditor.tabPreview')}
        </button>
      </div>
      <div
        id="case-body-panel-write"
        role="tabpanel"
        aria-labelledby="case-body-tab-write"
        hidden={tab !== 'write'}
      >
        <textarea
          id="case-body"
          name="body"
          rows={16}
          className={`${textInput} min-h-80 font-[inherit] leading-[1.7]`}
          aria-invalid={error ? true : undefined}
          aria-describedby={['case-body-hint', 'case-body-count', error && 'case-body-error']
            .filter(Boolean)
            .join(' ')}
          value={value}
          onChange={(event) => onChange(event.target.value)}
        />
        <span id="case-body-count" className={fieldHint}>
          {count}
        </span>
      </div>
      <div
        id="case-body-panel-preview"
        role="tabpanel"
        aria-labelledby="case-body-tab-preview"
        hidden={tab !== 'preview'}
        tabIndex={0}
        className="rounded-b-8 border border-t-0 border-solid-gray-900 p-4 md:p-6"
      >
        {tab === 'preview' &&
          (value.trim() ? (
            render ? (
              <CaseBody html={html} headingShift={1} />
            ) : (
              <Loading />
            )
          ) : (
            <p className="text-std-16N-170 text-solid-gray-700">{t('caseEditor.previewEmpty')}</p>
          ))}
      </div>
    </div>
  );
}

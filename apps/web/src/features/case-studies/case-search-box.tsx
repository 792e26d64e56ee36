import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { buttonSolid, fieldHint, fieldLabel, textInput } from '../../shared/ui-classes';

const DEBOUNCE_MS = 400;

/**
 * Search-as-you-type that waits for the Japanese IME: while the reading 「じんざいいくせい」 is being
 * composed nothing is searched; once it is converted to 人材育成 (compositionend) the search runs after a
 * short pause, or at once on Enter (an Enter that confirms a conversion does not count) or 「検索」.
 */
export function CaseSearchBox({
  id,
  value,
  onCommit,
  label,
  hint,
}: {
  id: string;
  value: string;
  onCommit: (value: string) => void;
  label: string;
  hint?: string;
}) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(value);
  const composing = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const lastCommitted = useRef(value);

  // Follow the URL when it changes from outside (back button, 「条件をすべて解除」, a link).
  useEffect(() => {
    if (value !== lastCommitted.current) {
      lastCommitted.current = value;
      setDraft(value);
    }
  }, [value]);

  useEffect(() => () => clearTimeout(timer.current), []);

  function commit(next: string) {
    clearTimeout(timer.current);
    const trimmed = next.trim();
    if (trimmed === lastCommitted.current) return;
    lastCommitted.current = trimmed;
    onCommit(trimmed);
  }

  function schedule(next: string) {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => commit(next), DEBOUNCE_MS);
  }

  return (
    <form
      role="search"
      aria-label={label}
      className="flex flex-col gap-1"
      onSubmit={(event) => {
        event.preventDefault();
        if (!composing.current) commit(draft);
      }}
    >
      <label htmlFor={id} className={fieldLabel}>
        {label}
      </label>
      {hint && (
        <span id={`${id}-hint`} className={fieldHint}>
          {hint}
        </span>
      )}
      <div className="flex flex-wrap gap-2 sm:flex-nowrap">
        <input
          id={id}
          type="search"
          name="q"
          autoComplete="off"
          enterKeyHint="search"
          aria-describedby={hint ? `${id}-hint` : undefined}
          className={`${textInput} min-w-0 flex-1`}
          value={draft}
          onChange={(event) => {
            setDraft(event.target.value);
            const native = event.nativeEvent as InputEvent;
            if (!composing.current && !native.isComposing) schedule(event.target.value);
          }}
          onCompositionStart={() => {
            composing.current = true;
            clearTimeout(timer.current);
          }}
          onCompositionEnd={(event) => {
            composing.current = false;
            schedule(event.currentTarget.value);
          }}
          onKeyDown={(event) => {
            // Enter while composing confirms the conversion; it must not submit the form.
            if (event.key === 'Enter' && (event.nativeEvent.isComposing || composing.current)) {
              event.preventDefault();
            }
          }}
        />
        <button type="submit" className={`${buttonSolid} shrink-0`}>
          {t('caseSearch.submit')}
        </button>
      </div>
    </form>
  );
}

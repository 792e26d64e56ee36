import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { normalizeForSearch } from '@yokoten/case-studies';
import { TextField } from '../../shared/form-fields';

const DEBOUNCE_MS = 350;

/**
 * Name/kana search that does not query while a Japanese IME is composing: typing 「きたきゅうしゅう」
 * and converting to 北九州 should send one query for 北九州, not one per keystroke of the reading.
 * The value is committed after a short pause once composition has ended, or at once on Enter.
 */
export function MunicipalitySearchBox({
  value,
  onCommit,
}: {
  value: string;
  onCommit: (value: string) => void;
}) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(value);
  const composing = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const lastCommitted = useRef(value);

  // Follow the URL when it changes from outside (back button, "clear filters").
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
    // ｷﾀｷｭｳｼｭｳ and きたきゅうしゅう find the same municipalities: do not query again for a mere respelling.
    if (normalizeForSearch(trimmed) === normalizeForSearch(lastCommitted.current)) return;
    lastCommitted.current = trimmed;
    onCommit(trimmed);
  }

  function schedule(next: string) {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => commit(next), DEBOUNCE_MS);
  }

  return (
    <TextField
      id="municipality-search"
      type="search"
      name="q"
      label={t('municipalities.search')}
      hint={t('municipalities.searchHint')}
      autoComplete="off"
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
        // Enter while composing confirms the conversion; only a plain Enter searches.
        if (event.key === 'Enter' && !event.nativeEvent.isComposing && !composing.current) {
          event.preventDefault();
          commit(event.currentTarget.value);
        }
      }}
    />
  );
}

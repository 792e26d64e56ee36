import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { buttonSolid, fieldHint, fieldLabel, textInput } from '../../shared/ui-classes';

/** The home page's search box: sends the words to 事例を探す (/cases?q=…), where the search runs. */
export function HomeSearchForm() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [q, setQ] = useState('');
  const composing = useRef(false);
  return (
    <form
      role="search"
      aria-label={t('home.searchLabel')}
      className="mt-8 flex max-w-3xl flex-col gap-1"
      onSubmit={(event) => {
        event.preventDefault();
        if (composing.current) return;
        const words = q.trim();
        void navigate(words ? `/cases?${new URLSearchParams({ q: words })}` : '/cases');
      }}
    >
      <label htmlFor="home-search" className={fieldLabel}>
        {t('home.searchLabel')}
      </label>
      <span id="home-search-hint" className={fieldHint}>
        {t('home.searchHint')}
      </span>
      <div className="flex flex-wrap gap-2 sm:flex-nowrap">
        <input
          id="home-search"
          type="search"
          name="q"
          autoComplete="off"
          enterKeyHint="search"
          aria-describedby="home-search-hint"
          className={`${textInput} min-w-0 flex-1`}
          value={q}
          onChange={(event) => setQ(event.target.value)}
          onCompositionStart={() => (composing.current = true)}
          onCompositionEnd={() => (composing.current = false)}
          onKeyDown={(event) => {
            // Enter that confirms an IME conversion must not send the search.
            if (event.key === 'Enter' && (event.nativeEvent.isComposing || composing.current))
              event.preventDefault();
          }}
        />
        <button type="submit" className={`${buttonSolid} shrink-0`}>
          {t('caseSearch.submit')}
        </button>
      </div>
    </form>
  );
}

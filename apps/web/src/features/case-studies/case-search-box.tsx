import { useTranslation } from 'react-i18next';
import { buttonSolid, fieldHint, fieldLabel, textInput } from '../../shared/ui-classes';
import { useImeSearch } from '../../shared/use-ime-search';

const DEBOUNCE_MS = 400;

/** The case search box: IME-aware search-as-you-type (useImeSearch), or at once on Enter or 「検索」. */
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
  const search = useImeSearch({ value, onCommit, debounceMs: DEBOUNCE_MS });

  return (
    <form
      role="search"
      aria-label={label}
      className="flex flex-col gap-1"
      onSubmit={(event) => {
        event.preventDefault();
        if (!search.isComposing()) search.commit(search.draft);
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
          {...search.inputProps}
          onKeyDown={(event) => {
            // Enter while composing confirms the conversion; it must not submit the form.
            if (event.key === 'Enter' && search.isComposing(event.nativeEvent)) {
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

import { useId, useState } from 'react';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { AgendaCaseSearchDocument, AgendaLinkedCaseDocument } from '../../graphql/generated/graphql';
import { currentLanguage } from '../../i18n/i18n';
import { buttonSmallOutline, fieldError, fieldHint, fieldLabel, textInput } from '../../shared/ui-classes';
import { useImeSearch } from '../../shared/use-ime-search';
import { municipalityName } from '../municipalities/labels';
import { caseStudyIdOf } from './editor-model';

const DEBOUNCE_MS = 400;

/**
 * 発表する事例 of an agenda item: search the published cases by words (the case search API, IME-aware)
 * and pick one, or paste the address of a case page; the linked case is shown by title. The value stays
 * what the form already stores (an id or a /cases/… address), so the rest of the editor is unchanged.
 */
export function AgendaCasePicker({
  id,
  value,
  error,
  onChange,
}: {
  id: string;
  value: string;
  error?: string;
  onChange: (value: string) => void;
}) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const resultsId = useId();
  const [query, setQuery] = useState('');
  const search = useImeSearch({ value: query, onCommit: setQuery, debounceMs: DEBOUNCE_MS });
  const linkedId = caseStudyIdOf(value);
  const linked = useQuery(AgendaLinkedCaseDocument, {
    variables: { id: linkedId ?? '' },
    skip: !linkedId,
  }).data?.caseStudy;
  const found = useQuery(AgendaCaseSearchDocument, {
    variables: { query: query.trim() },
    skip: !query.trim(),
  });
  const hits = found.data?.searchCaseStudies.hits ?? [];

  return (
    <div className="flex flex-col gap-2">
      <span className={fieldLabel} id={`${id}-label`}>
        {t('sessions.form.agendaCase')}
      </span>
      {linkedId ? (
        <div className="flex flex-wrap items-center gap-3 rounded-8 border border-solid-gray-420 bg-solid-gray-50 p-3">
          <p className="min-w-0 flex-1 text-std-16N-170">
            {linked
              ? t('sessions.form.agendaCaseLinked', {
                  title: linked.title,
                  municipality: municipalityName(linked.municipality, language),
                })
              : t('sessions.form.agendaCaseLinkedId', { id: linkedId })}
          </p>
          <button type="button" className={buttonSmallOutline} onClick={() => onChange('')}>
            {t('sessions.form.agendaCaseUnlink')}
          </button>
        </div>
      ) : (
        <>
          <label htmlFor={`${id}-search`} className="text-std-16N-170">
            {t('sessions.form.agendaCaseSearch')}
          </label>
          <input
            id={`${id}-search`}
            type="search"
            autoComplete="off"
            enterKeyHint="search"
            className={textInput}
            aria-describedby={`${id}-search-hint`}
            aria-controls={resultsId}
            {...search.inputProps}
            onKeyDown={(event) => {
              // Enter searches at once; it must neither submit the session form nor cut a conversion short.
              if (event.key !== 'Enter') return;
              event.preventDefault();
              if (!search.isComposing(event.nativeEvent)) search.commit(search.draft);
            }}
          />
          <span id={`${id}-search-hint`} className={fieldHint}>
            {t('sessions.form.agendaCaseSearchHint')}
          </span>
          <div id={resultsId} aria-live="polite">
            {query.trim() && !found.loading && hits.length === 0 && (
              <p className="text-std-16N-170">{t('sessions.form.agendaCaseNone', { query: query.trim() })}</p>
            )}
            {hits.length > 0 && (
              <ul className="flex flex-col gap-2" aria-label={t('sessions.form.agendaCaseResults')}>
                {hits.map(({ caseStudy }) => (
                  <li
                    key={caseStudy.id}
                    className="flex flex-wrap items-center justify-between gap-2 border-b border-solid-gray-200 pb-2"
                  >
                    <span className="min-w-0 flex-1 text-std-16N-170">
                      {caseStudy.title}
                      <span className="text-solid-gray-700">
                        {' '}
                        {t('sessions.form.agendaCaseOf', {
                          municipality: municipalityName(caseStudy.municipality, language),
                        })}
                      </span>
                    </span>
                    <button
                      type="button"
                      className={buttonSmallOutline}
                      onClick={() => {
                        onChange(`/cases/${caseStudy.id}`);
                        setQuery('');
                      }}
                    >
                      {t('sessions.form.agendaCasePick')}
                      <span className="sr-only">
                        {t('sessions.form.agendaCasePickFor', { title: caseStudy.title })}
                      </span>
                    </button>
                  </li>
                ))}
              </ul>
            )}
          </div>
          <details className="text-std-16N-170" open={Boolean(value.trim()) || undefined}>
            <summary className="cursor-pointer text-blue-1000 underline">
              {t('sessions.form.agendaCasePaste')}
            </summary>
            <input
              id={id}
              aria-labelledby={`${id}-label`}
              aria-describedby={`${id}-hint`}
              className={`${textInput} mt-2`}
              value={value}
              onChange={(event) => onChange(event.target.value)}
            />
            <span id={`${id}-hint`} className={fieldHint}>
              {t('sessions.form.agendaCaseHint')}
            </span>
          </details>
        </>
      )}
      {error && (
        <span id={`${id}-error`} className={fieldError}>
          {error}
        </span>
      )}
    </div>
  );
}

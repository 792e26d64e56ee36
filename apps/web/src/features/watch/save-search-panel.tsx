import { useId, useState, type FormEvent } from 'react';
import { useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { SaveSearchDocument, type CaseStudyFilter } from '../../graphql/generated/graphql';
import { apiProblem, problemMessage } from '../../shared/errors';
import { buttonSmallOutline, fieldLabel, textInput } from '../../shared/ui-classes';

/**
 * 「この条件を保存」 on the search page: the words and filters under a name, with a weekly digest of new
 * matches (Monday 08:00 JST). For signed-in users; the list is on /account/watching.
 */
export function SaveSearchPanel({ query, filter }: { query: string; filter: CaseStudyFilter }) {
  const { t } = useTranslation();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  const [saved, setSaved] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [save, { loading }] = useMutation(SaveSearchDocument, {
    update(cache) {
      cache.evict({ fieldName: 'mySavedSearches' });
    },
  });

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setError(null);
    const chosen = name.trim() || query || t('watch.defaultSearchName');
    try {
      await save({ variables: { input: { name: chosen.slice(0, 100), query, filter } } });
      setSaved(chosen);
      setOpen(false);
    } catch (caught) {
      setError(problemMessage(apiProblem(caught), t));
    }
  }

  return (
    <div className="mt-4 print:hidden" data-print="hide">
      {!open && (
        <button
          type="button"
          className={buttonSmallOutline}
          onClick={() => {
            setOpen(true);
            setSaved(null);
            setName(query);
          }}
        >
          {t('watch.saveSearch')}
        </button>
      )}
      {open && (
        <form
          className="flex flex-wrap items-end gap-3 rounded-12 border border-solid-gray-420 p-4"
          aria-label={t('watch.saveSearch')}
          onSubmit={(event) => void onSubmit(event)}
          noValidate
        >
          <div className="min-w-60 flex-1">
            <label htmlFor={`${id}-name`} className={fieldLabel}>
              {t('watch.searchName')}
            </label>
            <input
              id={`${id}-name`}
              className={`${textInput} mt-1 w-full`}
              value={name}
              maxLength={100}
              aria-describedby={`${id}-hint`}
              onChange={(event) => setName(event.target.value)}
            />
            <p id={`${id}-hint`} className="mt-1 text-std-16N-170 text-solid-gray-600">
              {t('watch.digestHint')}
            </p>
          </div>
          <button
            type="submit"
            className={buttonSmallOutline}
            disabled={loading}
            aria-busy={loading || undefined}
          >
            {t('watch.saveSearchSubmit')}
          </button>
          <button type="button" className={buttonSmallOutline} onClick={() => setOpen(false)}>
            {t('watch.cancel')}
          </button>
        </form>
      )}
      <p role="status" className="mt-2 text-std-16N-170">
        {saved && (
          <>
            {t('watch.searchSaved', { name: saved })}{' '}
            <Link to="/account/watching" className="link-text">
              {t('watch.pageLink')}
            </Link>
          </>
        )}
      </p>
      {error && (
        <p role="alert" className="text-std-16B-170 text-error-2">
          {error}
        </p>
      )}
    </div>
  );
}

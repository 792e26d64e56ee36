import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import {
  FindPrecedentsDocument,
  PrecedentMunicipalityByCodeDocument,
  type FindPrecedentsQuery,
  type PrecedentMunicipalityFragment,
} from '../../graphql/generated/graphql';
import { currentLanguage, type Language } from '../../i18n/i18n';
import { TextAreaField } from '../../shared/form-fields';
import { formatNumber } from '../../shared/format';
import { ErrorNotice, Loading } from '../../shared/status';
import { buttonSolid, pageTitle, sectionTitle } from '../../shared/ui-classes';
import { usePageTitle } from '../../shared/use-page-title';
import { useCurrentUser } from '../auth/use-current-user';
import { themeLabel } from '../adoption/adoption-labels';
import { isValidMunicipalityCode, municipalityName, prefectureName } from '../municipalities/labels';
import { ErrorSummary, type FieldError } from './error-summary';
import { MunicipalityPicker, municipalityOptionLabel } from './municipality-picker';
import { reasonLabel, reasonTone } from './reasons';

const DESCRIPTION_ID = 'precedent-description';
const MUNICIPALITY_ID = 'precedent-municipality';
const MAX_DESCRIPTION = 2000;
const LIMIT = 10;

type Match = FindPrecedentsQuery['findPrecedents'][number];

const toneClass: Record<ReturnType<typeof reasonTone>, string> = {
  size: 'border-blue-900 bg-blue-50 text-blue-1000',
  theme: 'border-green-800 bg-green-50 text-green-1000',
  place: 'border-orange-800 bg-orange-50 text-orange-1100',
  spread: 'border-purple-800 bg-purple-50 text-purple-1000',
  other: 'border-solid-gray-600 bg-white text-solid-gray-800',
};

function ScoreBar({ score, top, language }: { score: number; top: number; language: Language }) {
  const { t } = useTranslation();
  const share = top > 0 ? Math.max(0.04, Math.min(1, score / top)) : 0;
  return (
    <p className="flex items-center gap-3 text-std-16N-170 text-solid-gray-800">
      <span className="whitespace-nowrap">
        {t('precedents.score', {
          score: new Intl.NumberFormat(language === 'ja' ? 'ja-JP' : 'en-GB', {
            minimumFractionDigits: 2,
            maximumFractionDigits: 2,
          }).format(score),
        })}
      </span>
      <span aria-hidden="true" className="block h-2 w-32 rounded-full bg-solid-gray-200">
        <span className="block h-2 rounded-full bg-blue-900" style={{ width: `${share * 100}%` }} />
      </span>
    </p>
  );
}

function PrecedentItem({ match, rank, top }: { match: Match; rank: number; top: number }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const c = match.caseStudy;
  const headingId = `precedent-${c.id}`;
  return (
    <li className="rounded-12 border border-solid-gray-420 bg-white p-4 md:p-6">
      <article aria-labelledby={headingId}>
        <p className="text-std-16B-170 text-solid-gray-700">{t('precedents.rank', { rank })}</p>
        <h3 id={headingId} className="mt-1 text-std-20B-150">
          <Link to={`/cases/${c.id}`} className="link-text" lang="ja">
            {c.title}
          </Link>
        </h3>
        <p className="mt-1 text-std-16N-170 text-solid-gray-700">
          {municipalityName(c.municipality, language)}
          {language === 'ja' ? '（' : ' ('}
          {prefectureName(c.municipality.prefecture, language)}
          {language === 'ja' ? '）' : ')'}
        </p>
        <p lang="ja" className="mt-3 line-clamp-3 text-std-16N-170 text-solid-gray-900">
          {c.summary}
        </p>
        <div className="mt-4 flex flex-wrap items-center gap-x-6 gap-y-2">
          <ScoreBar score={match.score} top={top} language={language} />
          <p className="text-std-16B-170 text-solid-gray-800">
            {t('precedents.adoptionCount', {
              count: c.adoptionCount,
              formatted: formatNumber(c.adoptionCount, language),
            })}
          </p>
        </div>
        {match.reasons.length > 0 && (
          <div className="mt-3">
            <h4 className="sr-only">{t('precedents.reasonsHeading')}</h4>
            <ul className="flex flex-wrap gap-2" aria-label={t('precedents.reasonsHeading')}>
              {match.reasons.map((reason) => (
                <li
                  key={reason}
                  className={`rounded-full border px-3 py-0.5 text-dns-14B-130 ${toneClass[reasonTone(reason)]}`}
                >
                  {reasonLabel(reason, language)}
                </li>
              ))}
            </ul>
          </div>
        )}
        {c.themes.length > 0 && (
          <p className="mt-3 text-dns-14N-130 text-solid-gray-700">
            {t('precedents.themes')}
            {c.themes.map((theme) => themeLabel(theme, language)).join(language === 'ja' ? '、' : ', ')}
          </p>
        )}
      </article>
    </li>
  );
}

function Results({ description, municipalityCode }: { description: string; municipalityCode: string }) {
  const { t } = useTranslation();
  const { data, loading, error, refetch } = useQuery(FindPrecedentsDocument, {
    variables: { input: { description, municipalityCode, limit: LIMIT } },
  });
  const headingRef = useRef<HTMLHeadingElement>(null);
  const matches = data?.findPrecedents;
  // New results: take a keyboard or screen-reader user to them, as a page change would.
  useEffect(() => {
    if (matches) headingRef.current?.focus({ preventScroll: false });
  }, [matches]);
  if (loading && !matches) return <Loading label={t('precedents.searching')} />;
  if (error) return <ErrorNotice error={error} onRetry={() => void refetch()} />;
  if (!matches) return null;
  const top = matches[0]?.score ?? 0;
  return (
    <section aria-labelledby="precedent-results" className="mt-10">
      <h2 id="precedent-results" ref={headingRef} tabIndex={-1} className={sectionTitle}>
        {t('precedents.resultsHeading')}
      </h2>
      <p role="status" className="mt-2 text-std-16N-170 text-solid-gray-700">
        {matches.length ? t('precedents.resultsCount', { count: matches.length }) : t('precedents.noResults')}
      </p>
      {matches.length > 0 && (
        <>
          <p className="mt-1 text-std-16N-170 text-solid-gray-700">{t('precedents.resultsLead')}</p>
          <ol className="mt-4 flex flex-col gap-4">
            {matches.map((match, index) => (
              <PrecedentItem key={match.caseStudy.id} match={match} rank={index + 1} top={top} />
            ))}
          </ol>
        </>
      )}
    </section>
  );
}

export function PrecedentFinderPage() {
  const { t } = useTranslation();
  const { user } = useCurrentUser();
  usePageTitle(t('precedents.title'));
  const [params, setParams] = useSearchParams();
  const query = params.get('q') ?? '';
  const codeParam = params.get('muni') ?? '';
  const ownCode = user?.municipality?.code ?? '';
  const wantedCode = codeParam || ownCode;

  const [description, setDescription] = useState(query);
  const [municipality, setMunicipality] = useState<PrecedentMunicipalityFragment | null>(null);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [attempt, setAttempt] = useState(0);

  // The municipality named in the URL, or the officer's own, fills the picker.
  const codeValid = isValidMunicipalityCode(wantedCode);
  const {
    data: known,
    loading: knownLoading,
    error: knownError,
  } = useQuery(PrecedentMunicipalityByCodeDocument, {
    variables: { code: wantedCode },
    skip: !codeValid,
  });
  useEffect(() => {
    if (known?.municipality && municipality === null) setMunicipality(known.municipality);
  }, [known, municipality]);
  useEffect(() => setDescription(query), [query]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: FieldError[] = [];
    const text = description.trim();
    if (!text) found.push({ fieldId: DESCRIPTION_ID, message: t('precedents.descriptionRequired') });
    else if (text.length > MAX_DESCRIPTION)
      found.push({ fieldId: DESCRIPTION_ID, message: t('precedents.descriptionTooLong') });
    if (!municipality)
      found.push({ fieldId: MUNICIPALITY_ID, message: t('precedents.municipalityRequired') });
    setErrors(found);
    setAttempt((n) => n + 1);
    if (found.length || !municipality) return;
    setParams({ q: text, muni: municipality.code });
  };
  const searchedCode = codeParam || ownCode;
  // A link (shared, bookmarked or typed) is checked as the form is: a description over the limit or a
  // code of no municipality names its field, instead of a failed search with 「もう一度読み込む」.
  const codeUnknown =
    Boolean(codeParam) && (!codeValid || (!knownLoading && !knownError && !known?.municipality));
  const linkErrors: FieldError[] = [];
  if (query && !query.trim())
    linkErrors.push({ fieldId: DESCRIPTION_ID, message: t('precedents.descriptionRequired') });
  else if (query.trim().length > MAX_DESCRIPTION)
    linkErrors.push({ fieldId: DESCRIPTION_ID, message: t('precedents.descriptionTooLong') });
  if (query && codeUnknown)
    linkErrors.push({ fieldId: MUNICIPALITY_ID, message: t('precedents.municipalityRequired') });
  const shownErrors = errors.length ? errors : linkErrors;
  const errorFor = (id: string) => shownErrors.find((e) => e.fieldId === id)?.message;
  const canSearch =
    Boolean(query.trim() && searchedCode) && linkErrors.length === 0 && (!codeParam || !knownLoading);

  return (
    <div>
      <h1 className={pageTitle}>{t('precedents.title')}</h1>
      <p className="mt-4 max-w-3xl text-std-17N-170 text-solid-gray-800">{t('precedents.lead')}</p>

      <form noValidate onSubmit={submit} className="mt-8 max-w-3xl" aria-labelledby="precedent-form">
        <h2 id="precedent-form" className="sr-only">
          {t('precedents.formHeading')}
        </h2>
        <ErrorSummary errors={shownErrors} attempt={attempt} />
        <div className="flex flex-col gap-8">
          <TextAreaField
            id={DESCRIPTION_ID}
            label={t('precedents.descriptionLabel')}
            hint={t('precedents.descriptionHint')}
            required
            lang="ja"
            maxLength={MAX_DESCRIPTION}
            value={description}
            error={errorFor(DESCRIPTION_ID)}
            onChange={(event) => setDescription(event.target.value)}
          />
          {user?.municipality && municipality?.code === user.municipality.code && (
            <p className="-mb-4 text-std-16N-170 text-solid-gray-700">
              {t('precedents.ownMunicipality', { name: municipalityOptionLabel(municipality) })}
            </p>
          )}
          <MunicipalityPicker
            selectId={MUNICIPALITY_ID}
            selected={municipality}
            onSelect={setMunicipality}
            error={errorFor(MUNICIPALITY_ID)}
          />
          <div>
            <button type="submit" className={buttonSolid}>
              {t('precedents.submit')}
            </button>
          </div>
        </div>
      </form>

      {canSearch && <Results description={query.trim()} municipalityCode={searchedCode} />}
    </div>
  );
}

import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import {
  isPopulationBand,
  isPrefectureCode,
  MUNICIPALITY_KIND_LABELS,
  POPULATION_BANDS,
  PREFECTURES,
  prefectureByCode,
  seekerProfileFromText,
  type PopulationBand,
} from '@yokoten/case-studies';
import {
  FindPrecedentsDocument,
  PrecedentMunicipalityByCodeDocument,
  type FindPrecedentsQuery,
  type PrecedentMunicipalityFragment,
} from '../../graphql/generated/graphql';
import { currentLanguage } from '../../i18n/i18n';
import { SelectField, TextAreaField } from '../../shared/form-fields';
import { formatNumber } from '../../shared/format';
import { ErrorNotice, Loading } from '../../shared/status';
import { buttonSolid, fieldHint, fieldLabel, pageTitle, sectionTitle } from '../../shared/ui-classes';
import { usePageTitle } from '../../shared/use-page-title';
import { useCurrentUser } from '../auth/use-current-user';
import { themeLabel } from '../adoption/adoption-labels';
import { bandLabel } from '../case-studies/labels';
import { isValidMunicipalityCode, prefectureName } from '../municipalities/labels';
import { ErrorSummary, type FieldError } from '../../shared/error-summary';
import { MunicipalityCombobox } from './municipality-combobox';
import { municipalityOptionLabel } from './municipality-picker';
import { reasonLabel, reasonTone } from './reasons';

const DESCRIPTION_ID = 'precedent-description';
const MUNICIPALITY_ID = 'precedent-municipality';
const BAND_ID = 'precedent-population-band';
const PREFECTURE_ID = 'precedent-prefecture';
const MAX_DESCRIPTION = 2000;
const LIMIT = 10;

type Match = FindPrecedentsQuery['findPrecedents'][number];

const toneClass: Record<ReturnType<typeof reasonTone>, string> = {
  text: 'border-solid-gray-800 bg-solid-gray-50 text-solid-gray-900',
  size: 'border-blue-900 bg-blue-50 text-blue-1000',
  theme: 'border-green-800 bg-green-50 text-green-1000',
  place: 'border-orange-800 bg-orange-50 text-orange-1100',
  spread: 'border-purple-800 bg-purple-50 text-purple-1000',
  other: 'border-solid-gray-600 bg-white text-solid-gray-800',
};

function PrecedentItem({ match, rank }: { match: Match; rank: number }) {
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
        <p className="mt-1 text-std-16N-170 text-solid-gray-700">{municipalityOptionLabel(c.municipality)}</p>
        <p lang="ja" className="mt-3 line-clamp-3 text-std-16N-170 text-solid-gray-900">
          {c.summary}
        </p>
        <div className="mt-4 flex flex-wrap items-center gap-x-6 gap-y-2">
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

/** Who the search was made for, as the search understood it: a municipality, a size and prefecture, or the text. */
export interface Seeker {
  municipalityCode?: string;
  populationBand?: PopulationBand;
  prefectureCode?: string;
}

/** One sentence saying whose situation the ranking was made for (so that a reason like 同規模 makes sense). */
function SeekerSummary({
  description,
  seeker,
  municipality,
}: {
  description: string;
  seeker: Seeker;
  municipality: PrecedentMunicipalityFragment | null;
}) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const sep = language === 'ja' ? '・' : ', ';
  if (seeker.municipalityCode && municipality) {
    const parts = [
      municipality.populationBand ? bandLabel(municipality.populationBand, language) : null,
      MUNICIPALITY_KIND_LABELS[municipality.kind][language],
    ].filter(Boolean);
    return (
      <p className="mt-2 text-std-16N-170 text-solid-gray-800">
        {t('precedents.seekerMunicipality', {
          name: municipalityOptionLabel(municipality),
          profile: parts.join(sep),
        })}
      </p>
    );
  }
  const stated = seekerProfileFromText(description);
  const band = seeker.populationBand ?? stated.populationBand;
  const pref = seeker.prefectureCode ? prefectureByCode(seeker.prefectureCode) : undefined;
  const parts = [
    band ? `${t('precedents.populationBandLabel')} ${bandLabel(band, language)}` : null,
    pref ? prefectureName({ name: pref.name, nameEn: pref.nameEn }, language) : null,
    stated.kind ? MUNICIPALITY_KIND_LABELS[stated.kind][language] : null,
  ].filter(Boolean);
  const fromText = [
    !seeker.populationBand && stated.population !== null
      ? t('precedents.statedPopulation', { formatted: formatNumber(stated.population, language) })
      : null,
    stated.kind ? MUNICIPALITY_KIND_LABELS[stated.kind][language] : null,
  ].filter(Boolean);
  return (
    <p className="mt-2 text-std-16N-170 text-solid-gray-800">
      {parts.length
        ? t('precedents.seekerProfile', { profile: parts.join(sep) })
        : t('precedents.seekerNone')}
      {fromText.length > 0 && <> {t('precedents.seekerFromText', { read: fromText.join(sep) })}</>}
    </p>
  );
}

function Results({
  description,
  seeker,
  municipality,
}: {
  description: string;
  seeker: Seeker;
  municipality: PrecedentMunicipalityFragment | null;
}) {
  const { t } = useTranslation();
  const { data, loading, error, refetch } = useQuery(FindPrecedentsDocument, {
    variables: { input: { description, ...seeker, limit: LIMIT } },
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
  return (
    <section aria-labelledby="precedent-results" className="mt-10">
      <h2 id="precedent-results" ref={headingRef} tabIndex={-1} className={sectionTitle}>
        {t('precedents.resultsHeading')}
      </h2>
      <SeekerSummary description={description} seeker={seeker} municipality={municipality} />
      <p role="status" className="mt-2 text-std-16N-170 text-solid-gray-700">
        {matches.length ? t('precedents.resultsCount', { count: matches.length }) : t('precedents.noResults')}
      </p>
      {matches.length > 0 && (
        <>
          <p className="mt-1 text-std-16N-170 text-solid-gray-700">{t('precedents.resultsLead')}</p>
          <ol className="mt-4 flex flex-col gap-4">
            {matches.map((match, index) => (
              <PrecedentItem key={match.caseStudy.id} match={match} rank={index + 1} />
            ))}
          </ol>
        </>
      )}
    </section>
  );
}

type Mode = 'municipality' | 'size';

export function PrecedentFinderPage() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const { user } = useCurrentUser();
  usePageTitle(t('precedents.title'));
  const [params, setParams] = useSearchParams();
  const query = params.get('q') ?? '';
  const codeParam = params.get('muni') ?? '';
  const bandParam = params.get('band') ?? '';
  const prefParam = params.get('pref') ?? '';
  const ownCode = user?.municipality?.code ?? '';
  const bySizeInUrl = Boolean(bandParam || prefParam) && !codeParam;
  const wantedCode = bySizeInUrl ? '' : codeParam || ownCode;

  const [description, setDescription] = useState(query);
  const [mode, setMode] = useState<Mode>(bySizeInUrl ? 'size' : 'municipality');
  const [municipality, setMunicipality] = useState<PrecedentMunicipalityFragment | null>(null);
  const [band, setBand] = useState(isPopulationBand(bandParam) ? bandParam : '');
  const [pref, setPref] = useState(isPrefectureCode(prefParam) ? prefParam : '');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [attempt, setAttempt] = useState(0);

  // The municipality named in the URL, or the officer's own, fills the combobox.
  const codeValid = isValidMunicipalityCode(wantedCode);
  const {
    data: known,
    loading: knownLoading,
    error: knownError,
  } = useQuery(PrecedentMunicipalityByCodeDocument, {
    variables: { code: wantedCode },
    skip: !codeValid,
  });
  const [filled, setFilled] = useState(false);
  useEffect(() => {
    if (known?.municipality && !filled) {
      setMunicipality(known.municipality);
      setFilled(true);
    }
  }, [known, filled]);
  useEffect(() => setDescription(query), [query]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: FieldError[] = [];
    const text = description.trim();
    if (!text) found.push({ fieldId: DESCRIPTION_ID, message: t('precedents.descriptionRequired') });
    else if (text.length > MAX_DESCRIPTION)
      found.push({ fieldId: DESCRIPTION_ID, message: t('precedents.descriptionTooLong') });
    setErrors(found);
    setAttempt((n) => n + 1);
    if (found.length) return;
    const next: Record<string, string> = { q: text };
    if (mode === 'municipality' && municipality) next.muni = municipality.code;
    if (mode === 'size') {
      if (band) next.band = band;
      if (pref) next.pref = pref;
      // Searching by size on purpose: not as the officer's own municipality either.
      if (!band && !pref) next.muni = '';
    }
    setParams(next);
  };

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
    linkErrors.push({ fieldId: MUNICIPALITY_ID, message: t('precedents.municipalityUnknown') });
  const shownErrors = errors.length ? errors : linkErrors;
  const errorFor = (id: string) => shownErrors.find((e) => e.fieldId === id)?.message;

  // What the search is made for: the URL says it; an officer's own municipality when it says nothing
  // (an explicit empty muni= means "nobody").
  const seeker: Seeker = bySizeInUrl
    ? {
        populationBand: isPopulationBand(bandParam) ? bandParam : undefined,
        prefectureCode: isPrefectureCode(prefParam) ? prefParam : undefined,
      }
    : params.has('muni') && !codeParam
      ? {}
      : codeParam || ownCode
        ? { municipalityCode: codeParam || ownCode }
        : {};
  const canSearch =
    Boolean(query.trim()) && linkErrors.length === 0 && (!seeker.municipalityCode || !knownLoading);
  const seekerMunicipality =
    seeker.municipalityCode && known?.municipality?.code === seeker.municipalityCode
      ? known.municipality
      : null;

  const bandOptions = [
    { value: '', label: t('precedents.notGiven') },
    ...POPULATION_BANDS.map((b) => ({ value: b, label: bandLabel(b, language) })),
  ];
  const prefectureOptions = [
    { value: '', label: t('precedents.notGiven') },
    ...PREFECTURES.map((p) => ({ value: p.code, label: prefectureName(p, language) })),
  ];

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
          <fieldset className="flex flex-col gap-4">
            <legend className={fieldLabel}>{t('precedents.municipalityLegend')}</legend>
            <p className={`${fieldHint} -mt-3`}>{t('precedents.municipalityHint')}</p>
            <div className="flex flex-col gap-2 sm:flex-row sm:gap-6">
              {(['municipality', 'size'] as const).map((value) => (
                <label key={value} className="flex min-h-11 items-center gap-2 text-std-16N-170">
                  <input
                    type="radio"
                    name="precedent-seeker-mode"
                    value={value}
                    checked={mode === value}
                    onChange={() => setMode(value)}
                    className="size-5"
                  />
                  {t(value === 'municipality' ? 'precedents.modeMunicipality' : 'precedents.modeSize')}
                </label>
              ))}
            </div>
            {mode === 'municipality' ? (
              <>
                {user?.municipality && municipality?.code === user.municipality.code && (
                  <p className="text-std-16N-170 text-solid-gray-700">
                    {t('precedents.ownMunicipality', { name: municipalityOptionLabel(municipality) })}
                  </p>
                )}
                <MunicipalityCombobox
                  id={MUNICIPALITY_ID}
                  label={t('precedents.municipalitySelect')}
                  hint={t('precedents.comboHint')}
                  selected={municipality}
                  onSelect={setMunicipality}
                  error={errorFor(MUNICIPALITY_ID)}
                  notFoundHint={t('precedents.comboNotFoundHint')}
                />
              </>
            ) : (
              <div className="flex flex-col gap-4">
                <p className="text-std-16N-170 text-solid-gray-700">{t('precedents.sizeHint')}</p>
                <div className="grid gap-4 sm:grid-cols-2">
                  <SelectField
                    id={BAND_ID}
                    label={t('precedents.populationBandLabel')}
                    options={bandOptions}
                    value={band}
                    onChange={(event) => setBand(event.target.value as PopulationBand | '')}
                  />
                  <SelectField
                    id={PREFECTURE_ID}
                    label={t('precedents.prefectureLabel')}
                    options={prefectureOptions}
                    value={pref}
                    onChange={(event) => setPref(event.target.value)}
                  />
                </div>
              </div>
            )}
            <p className={fieldHint}>{t('precedents.textProfileHint')}</p>
          </fieldset>
          <div>
            <button type="submit" className={buttonSolid}>
              {t('precedents.submit')}
            </button>
          </div>
        </div>
      </form>

      {canSearch && <Results description={query.trim()} seeker={seeker} municipality={seekerMunicipality} />}
    </div>
  );
}

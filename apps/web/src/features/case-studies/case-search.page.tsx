import { useEffect, useMemo, useRef, useState } from 'react';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import {
  SearchCaseStudiesDocument,
  type CaseStudySort,
  type SearchCaseStudiesQuery,
} from '../../graphql/generated/graphql';
import { currentLanguage, type Language } from '../../i18n/i18n';
import { formatNumber } from '../../shared/format';
import { SelectField } from '../../shared/form-fields';
import { ErrorNotice, Loading } from '../../shared/status';
import { buttonSmallOutline, pageTitle, sectionTitle } from '../../shared/ui-classes';
import { usePageTitle } from '../../shared/use-page-title';
import { municipalityName, prefectureName } from '../municipalities/labels';
import { CaseCard } from './case-card';
import { CaseSearchBox } from './case-search-box';
import { SaveSearchPanel } from '../watch/save-search-panel';
import { useCurrentUser } from '../auth/use-current-user';
import { HighlightedText } from './highlighted-text';
import { formatYenShort } from './format';
import {
  CASE_STAGES,
  CASE_TARGETS,
  CASE_THEMES,
  MUNICIPALITY_KINDS,
  POPULATION_BANDS,
  PREFECTURES,
  bandLabel,
  fiscalYearLabel,
  kindLabel,
  stageLabel,
  targetLabel,
  themeLabel,
} from './labels';
import {
  BUDGET_PRESETS,
  CASE_SORTS,
  PAGE_SIZE,
  effectiveSort,
  filterOf,
  hasConditions,
  isCaseSort,
  pageWindow,
  parseSearch,
  serializeSearch,
  type SearchState,
} from './search-state';

type Facets = SearchCaseStudiesQuery['searchCaseStudies']['facets'];
type ListKey = 'themes' | 'targets' | 'prefectures' | 'bands' | 'kinds' | 'stages';

/** The API's facet field names for each filter of the page. */
const FACET_FIELD: Record<ListKey, string> = {
  themes: 'themes',
  targets: 'targets',
  prefectures: 'prefecture',
  bands: 'populationBand',
  kinds: 'municipalityKind',
  stages: 'stage',
};

function facetCounts(facets: Facets | undefined, field: string): Map<string, number> {
  const values = facets?.find((facet) => facet.field === field)?.values ?? [];
  return new Map(values.map((value) => [value.value, value.count]));
}

const checkboxClass = 'mt-1 size-5 shrink-0 accent-blue-900';

/**
 * One facet as checkboxes with the number of matching cases beside each value. Values with no match are
 * left out (they would only lead to an empty page), except the ones already chosen, so they can be undone.
 */
function FacetGroup({
  id,
  legend,
  options,
  selected,
  counts,
  onToggle,
  collapseAfter,
}: {
  id: string;
  legend: string;
  options: { value: string; label: string }[];
  selected: readonly string[];
  counts: Map<string, number>;
  onToggle: (value: string, checked: boolean) => void;
  collapseAfter?: number;
}) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const [expanded, setExpanded] = useState(false);
  // The URL decides what is checked, but the router applies it in a transition: show the click at once.
  const [optimistic, setOptimistic] = useState<Record<string, boolean>>({});
  const selectedKey = selected.join(',');
  useEffect(() => setOptimistic({}), [selectedKey]);
  const visible = options.filter(
    (option) => selected.includes(option.value) || (counts.get(option.value) ?? 0) > 0,
  );
  if (visible.length === 0) return null;
  const limit = collapseAfter && !expanded ? collapseAfter : visible.length;
  const shown = visible.filter((option, index) => index < limit || selected.includes(option.value));
  return (
    <fieldset id={id} className="border-t border-solid-gray-420 pt-4">
      <legend className="text-std-17B-170 text-solid-gray-900">{legend}</legend>
      <ul className="mt-2 flex flex-col gap-1">
        {shown.map((option) => {
          const count = counts.get(option.value) ?? 0;
          return (
            <li key={option.value}>
              <label className="flex min-h-11 cursor-pointer items-start gap-3 py-1 text-std-16N-170">
                <input
                  type="checkbox"
                  className={checkboxClass}
                  checked={optimistic[option.value] ?? selected.includes(option.value)}
                  onChange={(event) => {
                    const checked = event.target.checked;
                    setOptimistic((previous) => ({ ...previous, [option.value]: checked }));
                    onToggle(option.value, checked);
                  }}
                />
                <span>
                  {option.label}
                  <span className="ml-1 text-solid-gray-700">
                    {t('caseSearch.facetCount', { formatted: formatNumber(count, language) })}
                  </span>
                </span>
              </label>
            </li>
          );
        })}
      </ul>
      {collapseAfter && visible.length > collapseAfter && (
        <button
          type="button"
          className="link-text mt-1 min-h-11 text-std-16N-170"
          aria-expanded={expanded}
          aria-controls={id}
          onClick={() => setExpanded((value) => !value)}
        >
          {expanded ? t('caseSearch.showFewer') : t('caseSearch.showAll', { count: visible.length })}
        </button>
      )}
    </fieldset>
  );
}

function ActiveConditions({
  state,
  language,
  municipality,
  onChange,
  onClear,
  fallbackFocusId,
}: {
  state: SearchState;
  language: Language;
  /** The name of the municipality filtered on, once a result shows it. */
  municipality?: string;
  onChange: (next: Partial<SearchState>) => void;
  onClear: () => void;
  /** Where the keyboard goes once no condition is left to remove. */
  fallbackFocusId: string;
}) {
  const { t } = useTranslation();
  const list = useRef<HTMLUListElement>(null);
  // The condition just removed: once it is gone from the page, focus goes to the one that took its place
  // (or the box), not to <body>, which would send a keyboard user back to the top of the page.
  const removed = useRef<{ key: string; index: number } | null>(null);
  const items: { key: string; label: string; remove: () => void }[] = [];
  if (state.q)
    items.push({
      key: 'q',
      label: t('caseSearch.chipQuery', { q: state.q }),
      remove: () => onChange({ q: '' }),
    });
  const listChip = <K extends ListKey>(key: K, label: (value: SearchState[K][number]) => string) => {
    for (const value of state[key]) {
      items.push({
        key: `${key}-${value}`,
        label: label(value),
        remove: () => onChange({ [key]: (state[key] as string[]).filter((item) => item !== value) }),
      });
    }
  };
  listChip('themes', (value) => themeLabel(value, language));
  listChip('targets', (value) => targetLabel(value, language));
  listChip('prefectures', (value) => {
    const prefecture = PREFECTURES.find((item) => item.code === value);
    return prefecture ? prefectureName(prefecture, language) : value;
  });
  listChip('bands', (value) => bandLabel(value, language));
  listChip('kinds', (value) => kindLabel(value, language));
  listChip('stages', (value) => stageLabel(value, language));
  if (state.fyFrom !== null || state.fyTo !== null) {
    items.push({
      key: 'fy',
      label: t('caseSearch.chipFiscalYears', {
        from: state.fyFrom === null ? '' : fiscalYearLabel(state.fyFrom, language),
        to: state.fyTo === null ? '' : fiscalYearLabel(state.fyTo, language),
      }),
      remove: () => onChange({ fyFrom: null, fyTo: null }),
    });
  }
  if (state.budgetMax !== null) {
    items.push({
      key: 'budget',
      label: t('caseSearch.chipBudget', { value: formatYenShort(state.budgetMax, language) }),
      remove: () => onChange({ budgetMax: null }),
    });
  }
  if (state.municipality) {
    items.push({
      key: 'muni',
      label: municipality
        ? t('caseSearch.chipMunicipalityName', { name: municipality })
        : t('caseSearch.chipMunicipality', { code: state.municipality }),
      remove: () => onChange({ municipality: null }),
    });
  }
  const itemKeys = items.map((item) => item.key).join('\n');
  useEffect(() => {
    const pending = removed.current;
    if (!pending || itemKeys.split('\n').includes(pending.key)) return;
    removed.current = null;
    const chips = list.current?.querySelectorAll<HTMLButtonElement>('button[data-condition]') ?? [];
    const next = chips[Math.min(pending.index, chips.length - 1)] ?? document.getElementById(fallbackFocusId);
    next?.focus();
  }, [itemKeys, fallbackFocusId]);
  if (items.length === 0) return null;
  return (
    <div className="mt-4">
      <h2 id="active-heading" className="text-std-17B-170 text-solid-gray-900">
        {t('caseSearch.activeHeading')}
      </h2>
      <ul ref={list} aria-labelledby="active-heading" className="mt-2 flex flex-wrap gap-2">
        {items.map((item, index) => (
          <li key={item.key}>
            <button
              type="button"
              data-condition=""
              className={buttonSmallOutline}
              onClick={() => {
                removed.current = { key: item.key, index };
                item.remove();
              }}
              aria-label={t('caseSearch.removeCondition', { label: item.label })}
            >
              <span>{item.label}</span>
              <span aria-hidden="true">×</span>
            </button>
          </li>
        ))}
        <li>
          <button
            type="button"
            className="link-text min-h-11 px-2 text-std-16N-170 md:min-h-9"
            onClick={() => {
              removed.current = { key: items[0]?.key ?? '', index: 0 };
              onClear();
            }}
          >
            {t('caseSearch.clearAll')}
          </button>
        </li>
      </ul>
    </div>
  );
}

function Pagination({
  page,
  totalPages,
  hrefFor,
}: {
  page: number;
  totalPages: number;
  hrefFor: (page: number) => string;
}) {
  const { t } = useTranslation();
  if (totalPages <= 1) return null;
  const linkClass =
    'inline-flex min-h-11 min-w-11 items-center justify-center rounded-8 border border-solid-gray-420 px-3 text-oln-16B-100 text-blue-1000 hover:bg-blue-50 hover:underline';
  return (
    <nav aria-label={t('caseSearch.pagination')} className="mt-8">
      <ul className="flex flex-wrap items-center gap-2">
        {page > 1 && (
          <li>
            <Link to={hrefFor(page - 1)} className={linkClass}>
              {t('caseSearch.previous')}
            </Link>
          </li>
        )}
        {pageWindow(page, totalPages).map((item, index) =>
          item === 'gap' ? (
            <li key={`gap-${index}`} aria-hidden="true" className="px-1 text-solid-gray-700">
              …
            </li>
          ) : (
            <li key={item}>
              {item === page ? (
                <span
                  aria-current="page"
                  className="inline-flex min-h-11 min-w-11 items-center justify-center rounded-8 border-2 border-blue-900 bg-blue-900 px-3 text-oln-16B-100 text-white"
                >
                  <span className="sr-only">{t('caseSearch.pageLabel', { page: item })}</span>
                  <span aria-hidden="true">{item}</span>
                </span>
              ) : (
                <Link
                  to={hrefFor(item)}
                  className={linkClass}
                  aria-label={t('caseSearch.pageLabel', { page: item })}
                >
                  {item}
                </Link>
              )}
            </li>
          ),
        )}
        {page < totalPages && (
          <li>
            <Link to={hrefFor(page + 1)} className={linkClass}>
              {t('caseSearch.next')}
            </Link>
          </li>
        )}
      </ul>
    </nav>
  );
}

export function CaseSearchPage() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const [params, setParams] = useSearchParams();
  const state = useMemo(() => parseSearch(params), [params]);
  const sort = effectiveSort(state);
  usePageTitle(state.q ? t('caseSearch.titleWithQuery', { q: state.q }) : t('caseSearch.title'));
  const [filtersOpen, setFiltersOpen] = useState(
    () => typeof window === 'undefined' || window.matchMedia('(min-width: 1024px)').matches,
  );
  const resultsHeading = useRef<HTMLHeadingElement>(null);
  // 「条件をすべて解除」 also drops words typed but not yet searched: a new box forgets them and their timer.
  const [searchBoxKey, setSearchBoxKey] = useState(0);
  const lastPage = useRef(state.page);
  const { user } = useCurrentUser();

  const { data, previousData, loading, error, refetch } = useQuery(SearchCaseStudiesDocument, {
    variables: {
      query: state.q || null,
      filter: filterOf(state),
      sort,
      page: state.page,
      pageSize: PAGE_SIZE,
    },
  });
  const result = (data ?? previousData)?.searchCaseStudies;
  const facets = result?.facets;

  // After 「次へ」 or a page number, start reading at the results, not at the top of the page.
  useEffect(() => {
    if (lastPage.current === state.page) return;
    lastPage.current = state.page;
    resultsHeading.current?.focus({ preventScroll: true });
    resultsHeading.current?.scrollIntoView({ block: 'start' });
  }, [state.page]);

  // A shared or bookmarked link to a page past the end (the list got shorter since): go to its last page
  // instead of showing 「981〜980件目」 and no way back.
  const landed = data?.searchCaseStudies;
  const pastTheEnd =
    !!landed && landed.hits.length === 0 && landed.totalHits > 0 && state.page > landed.totalPages;
  useEffect(() => {
    if (!pastTheEnd || !landed) return;
    const search = serializeSearch({ ...state, page: Math.max(1, landed.totalPages) });
    setParams(search, { replace: true });
  }, [pastTheEnd, landed, state, setParams]);

  function update(changes: Partial<SearchState>, options: { replace?: boolean } = {}) {
    // Any change of the question starts again from its first page.
    const next: SearchState = { ...state, page: 1, ...changes };
    setParams(serializeSearch(next), { replace: options.replace });
  }

  const hrefFor = (page: number) => {
    const search = serializeSearch({ ...state, page }).toString();
    return search ? `/cases?${search}` : '/cases';
  };

  const toggle = (key: ListKey) => (value: string, checked: boolean) => {
    const current = state[key] as string[];
    update({ [key]: checked ? [...current, value] : current.filter((item) => item !== value) });
  };

  const yearCounts = facetCounts(facets, 'fiscalYear');
  const yearOptions = [
    ...new Set([
      ...[...yearCounts.keys()].map(Number).filter(Number.isInteger),
      ...(state.fyFrom === null ? [] : [state.fyFrom]),
      ...(state.fyTo === null ? [] : [state.fyTo]),
    ]),
  ].sort((a, b) => b - a);
  const yearOption = (year: number) => ({
    value: String(year),
    label: yearCounts.has(String(year))
      ? `${fiscalYearLabel(year, language)} ${t('caseSearch.facetCount', { formatted: formatNumber(yearCounts.get(String(year)) ?? 0, language) })}`
      : fiscalYearLabel(year, language),
  });

  const sortLabels: Record<CaseStudySort, string> = {
    RELEVANCE: t('caseSearch.sort.RELEVANCE'),
    NEWEST: t('caseSearch.sort.NEWEST'),
    BUDGET_ASC: t('caseSearch.sort.BUDGET_ASC'),
    POPULATION_ASC: t('caseSearch.sort.POPULATION_ASC'),
    MOST_ADOPTED: t('caseSearch.sort.MOST_ADOPTED'),
    MOST_HELPFUL: t('caseSearch.sort.MOST_HELPFUL'),
  };

  const first = result ? (result.page - 1) * result.pageSize + 1 : 0;
  const last = result ? first + result.hits.length - 1 : 0;

  return (
    <div>
      <h1 className={pageTitle}>{t('caseSearch.title')}</h1>
      <p className="mt-4 max-w-3xl text-std-16N-170">{t('caseSearch.lead')}</p>

      <div className="mt-6 max-w-3xl">
        <CaseSearchBox
          key={searchBoxKey}
          id="case-search-q"
          label={t('caseSearch.keyword')}
          hint={t('caseSearch.keywordHint')}
          value={state.q}
          onCommit={(q) => update({ q }, { replace: true })}
        />
      </div>
      <ActiveConditions
        state={state}
        language={language}
        municipality={(() => {
          const found = result?.hits.find((hit) => hit.caseStudy.municipality.code === state.municipality);
          return found ? municipalityName(found.caseStudy.municipality, language) : undefined;
        })()}
        onChange={(changes) => update(changes)}
        fallbackFocusId="case-search-q"
        onClear={() => {
          setSearchBoxKey((key) => key + 1);
          setParams(new URLSearchParams());
        }}
      />
      {user && hasConditions(state) && <SaveSearchPanel query={state.q} filter={filterOf(state)} />}

      <div className="mt-8 grid gap-8 lg:grid-cols-[18rem_minmax(0,1fr)]">
        <section aria-labelledby="filters-heading" className="min-w-0">
          <details
            open={filtersOpen}
            onToggle={(event) => setFiltersOpen(event.currentTarget.open)}
            className="rounded-12 border border-solid-gray-420 bg-solid-gray-50 p-4"
          >
            <summary className="min-h-11 cursor-pointer py-2 text-oln-16B-100 text-blue-1000 underline underline-offset-[3px] lg:hidden">
              {filtersOpen ? t('caseSearch.hideFilters') : t('caseSearch.showFilters')}
            </summary>
            <h2 id="filters-heading" className="text-std-20B-150 text-solid-gray-900">
              {t('caseSearch.filtersHeading')}
            </h2>
            <div className="mt-4 flex flex-col gap-4">
              <SelectField
                id="case-search-sort"
                label={t('caseSearch.sortLabel')}
                value={sort}
                options={CASE_SORTS.map((value) => ({ value, label: sortLabels[value] }))}
                onChange={(event) => {
                  const value = event.target.value;
                  if (isCaseSort(value)) update({ sort: value });
                }}
              />
              <FacetGroup
                id="facet-themes"
                legend={t('caseFields.themes')}
                options={CASE_THEMES.map((value) => ({ value, label: themeLabel(value, language) }))}
                selected={state.themes}
                counts={facetCounts(facets, FACET_FIELD.themes)}
                onToggle={toggle('themes')}
              />
              <FacetGroup
                id="facet-targets"
                legend={t('caseFields.targets')}
                options={CASE_TARGETS.map((value) => ({ value, label: targetLabel(value, language) }))}
                selected={state.targets}
                counts={facetCounts(facets, FACET_FIELD.targets)}
                onToggle={toggle('targets')}
              />
              <FacetGroup
                id="facet-bands"
                legend={t('caseSearch.populationBand')}
                options={POPULATION_BANDS.map((value) => ({ value, label: bandLabel(value, language) }))}
                selected={state.bands}
                counts={facetCounts(facets, FACET_FIELD.bands)}
                onToggle={toggle('bands')}
              />
              <FacetGroup
                id="facet-kinds"
                legend={t('caseSearch.municipalityKind')}
                options={MUNICIPALITY_KINDS.map((value) => ({ value, label: kindLabel(value, language) }))}
                selected={state.kinds}
                counts={facetCounts(facets, FACET_FIELD.kinds)}
                onToggle={toggle('kinds')}
              />
              <FacetGroup
                id="facet-stages"
                legend={t('caseSearch.stage')}
                options={CASE_STAGES.map((value) => ({ value, label: stageLabel(value, language) }))}
                selected={state.stages}
                counts={facetCounts(facets, FACET_FIELD.stages)}
                onToggle={toggle('stages')}
              />
              <FacetGroup
                id="facet-prefectures"
                legend={t('caseSearch.prefecture')}
                options={PREFECTURES.map((item) => ({
                  value: item.code,
                  label: prefectureName(item, language),
                }))}
                selected={state.prefectures}
                counts={facetCounts(facets, FACET_FIELD.prefectures)}
                onToggle={toggle('prefectures')}
                collapseAfter={8}
              />
              <fieldset className="border-t border-solid-gray-420 pt-4">
                <legend className="text-std-17B-170 text-solid-gray-900">
                  {t('caseFields.fiscalYears')}
                </legend>
                <div className="mt-2 flex flex-col gap-3">
                  <SelectField
                    id="case-search-fy-from"
                    label={t('caseSearch.fiscalYearFrom')}
                    value={state.fyFrom === null ? '' : String(state.fyFrom)}
                    options={[{ value: '', label: t('caseSearch.noLimit') }, ...yearOptions.map(yearOption)]}
                    onChange={(event) => {
                      const from = event.target.value ? Number(event.target.value) : null;
                      update({
                        fyFrom: from,
                        fyTo: from !== null && state.fyTo !== null && state.fyTo < from ? from : state.fyTo,
                      });
                    }}
                  />
                  <SelectField
                    id="case-search-fy-to"
                    label={t('caseSearch.fiscalYearTo')}
                    value={state.fyTo === null ? '' : String(state.fyTo)}
                    options={[{ value: '', label: t('caseSearch.noLimit') }, ...yearOptions.map(yearOption)]}
                    onChange={(event) => {
                      const to = event.target.value ? Number(event.target.value) : null;
                      update({
                        fyTo: to,
                        fyFrom: to !== null && state.fyFrom !== null && state.fyFrom > to ? to : state.fyFrom,
                      });
                    }}
                  />
                </div>
              </fieldset>
              <div className="border-t border-solid-gray-420 pt-4">
                <SelectField
                  id="case-search-budget"
                  label={t('caseSearch.budgetMax')}
                  value={state.budgetMax === null ? '' : String(state.budgetMax)}
                  options={[
                    { value: '', label: t('caseSearch.noLimit') },
                    ...[
                      ...new Set([...BUDGET_PRESETS, ...(state.budgetMax === null ? [] : [state.budgetMax])]),
                    ]
                      .sort((a, b) => a - b)
                      .map((value) => ({
                        value: String(value),
                        label: t('caseSearch.budgetOption', { value: formatYenShort(value, language) }),
                      })),
                  ]}
                  onChange={(event) =>
                    update({ budgetMax: event.target.value ? Number(event.target.value) : null })
                  }
                />
              </div>
            </div>
          </details>
        </section>

        <section aria-labelledby="results-heading" aria-busy={loading || undefined} className="min-w-0">
          <h2 id="results-heading" ref={resultsHeading} tabIndex={-1} className={sectionTitle}>
            {t('caseSearch.resultsHeading')}
          </h2>
          <p role="status" className="mt-2 text-std-17B-170">
            {result
              ? result.totalHits === 0
                ? t('caseSearch.noHits')
                : result.hits.length === 0
                  ? ''
                  : t('caseSearch.total', {
                      count: result.totalHits,
                      formatted: formatNumber(result.totalHits, language),
                      first: formatNumber(first, language),
                      last: formatNumber(last, language),
                    })
              : ''}
          </p>
          {result && (
            <p className="text-std-16N-170 text-solid-gray-700">
              {t('caseSearch.timing', { ms: formatNumber(result.processingTimeMs, language) })}
            </p>
          )}
          {result?.relaxed && (
            <div
              role="note"
              className="mt-4 rounded-12 border-2 border-orange-800 bg-orange-50 p-4 text-std-16N-170"
            >
              {t('caseSearch.relaxed', { q: result.query || state.q })}
            </div>
          )}

          {error && !result ? (
            <ErrorNotice error={error} onRetry={() => void refetch()} />
          ) : !result || (result.hits.length === 0 && result.totalHits > 0) ? (
            <Loading />
          ) : result.hits.length === 0 ? (
            <div className="mt-4 text-std-16N-170">
              <p>{t('caseSearch.emptyLead')}</p>
              <ul className="mt-2 list-disc pl-6">
                <li>{t('caseSearch.emptyTipWords')}</li>
                {hasConditions(state) && <li>{t('caseSearch.emptyTipFilters')}</li>}
              </ul>
            </div>
          ) : (
            <>
              {error && <ErrorNotice error={error} onRetry={() => void refetch()} />}
              <ol className="mt-4 flex flex-col gap-4">
                {result.hits.map((hit) => {
                  const highlights = hit.highlights;
                  const snippet =
                    highlights?.body && highlights.body.includes('<mark>') ? highlights.body : null;
                  const matched = hit.matchedAttachment;
                  return (
                    <li key={hit.caseStudy.id}>
                      <CaseCard
                        caseStudy={hit.caseStudy}
                        title={<HighlightedText html={highlights?.title} fallback={hit.caseStudy.title} />}
                        summary={
                          <HighlightedText html={highlights?.summary} fallback={hit.caseStudy.summary} />
                        }
                        snippet={
                          snippet || matched ? (
                            <>
                              {snippet && <HighlightedText html={snippet} />}
                              {matched && (
                                <span className="block text-std-16B-170 text-solid-gray-800">
                                  {t('attachments.matched', { name: matched.name })}
                                </span>
                              )}
                            </>
                          ) : undefined
                        }
                      />
                    </li>
                  );
                })}
              </ol>
              <Pagination page={result.page} totalPages={result.totalPages} hrefFor={hrefFor} />
            </>
          )}
        </section>
      </div>
    </div>
  );
}

/** The search benchmarks' workload: what officials search for, and what a results page asks for. */
import type { SearchRequest } from '@yokoten/api/search/case-queries';

/** What officials search for: words, compound words, synonyms, kana, filters, sorts, a second page. */
export const QUERIES: SearchRequest[] = [
  { query: '人材育成' },
  { query: 'DX' },
  { query: 'リスキリング' },
  { query: 'テレワーク' },
  { query: '中小企業 支援' },
  { query: '補助金' },
  { query: 'ロボット' },
  { query: '学び直し' },
  { query: 'eラーニング' },
  { query: 'データ活用' },
  { query: 'プログラミング' },
  { query: 'サテライトオフィス' },
  { query: 'ITパスポート' },
  { query: 'reskilling' },
  { query: 'ろぼっと' },
  { query: '人材育成', filter: { themes: ['DX_TALENT'] } },
  { query: 'DX', filter: { prefectureCodes: ['13', '40'] }, sort: 'NEWEST' },
  { query: '', filter: { themes: ['RESKILLING'], populationBands: ['FROM_100K_TO_300K'] } },
  { query: '', sort: 'NEWEST' },
  { query: '研修', filter: { fiscalYearFrom: 2023, fiscalYearTo: 2025 }, sort: 'BUDGET_ASC' },
  { query: '移住', filter: { municipalityKinds: ['TOWN', 'VILLAGE', 'CITY'] } },
  { query: '企業誘致', page: 2, pageSize: 10 },
  { query: '職員 研修', filter: { targets: ['STAFF'] }, sort: 'POPULATION_ASC' },
  { query: 'デジタル', filter: { budgetYenMax: 10_000_000 } },
];

/** What a results page asks for: highlighted title, summary and snippet, the case's facts, facets, totals. */
export const DOCUMENT = `query Search($query: String, $filter: CaseStudyFilter, $sort: CaseStudySort, $page: Int, $pageSize: Int) {
  searchCaseStudies(query: $query, filter: $filter, sort: $sort, page: $page, pageSize: $pageSize) {
    totalHits page pageSize totalPages processingTimeMs relaxed
    facets { field values { value count } }
    hits {
      highlights { title summary body }
      caseStudy { id themes targets fiscalYears budgetYen publishedAt
        municipality { code name population prefecture { code name } } }
    }
  }
}`;

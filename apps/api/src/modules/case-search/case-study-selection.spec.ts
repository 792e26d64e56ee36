import {
  Kind,
  parse,
  type FragmentDefinitionNode,
  type GraphQLResolveInfo,
  type OperationDefinitionNode,
} from 'graphql';
import { caseColumnsFor, selectedFields } from './case-study-selection';

function infoFor(query: string): GraphQLResolveInfo {
  const doc = parse(query);
  const op = doc.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION) as OperationDefinitionNode;
  const fragments = Object.fromEntries(
    doc.definitions
      .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
      .map((f) => [f.name.value, f]),
  );
  const field = op.selectionSet.selections[0];
  return { fieldNodes: [field], fragments } as unknown as GraphQLResolveInfo;
}

const COLUMNS = new Set([
  'id',
  'municipalityId',
  'authorId',
  'title',
  'summary',
  'body',
  'themes',
  'fiscalYears',
  'status',
  'visibility',
  'publishedAt',
  'createdAt',
  'updatedAt',
  'version',
  'unpublishedReason',
  'contactDepartment',
  'contactEmail',
  'contactPhone',
]);

describe('case columns a search query needs', () => {
  it('follows the selection, fragments included', () => {
    const info =
      infoFor(`{ searchCaseStudies { totalHits hits { caseStudy { id title ...F ... on CaseStudy { fiscalYearLabels } municipality { name } } } } }
      fragment F on CaseStudy { themes }`);
    const fields = selectedFields(info, ['hits', 'caseStudy']);
    expect([...(fields ?? [])].sort()).toEqual(['fiscalYearLabels', 'id', 'municipality', 'themes', 'title']);
    const columns = caseColumnsFor(fields, COLUMNS);
    expect(columns).toEqual(
      expect.arrayContaining(['id', 'title', 'themes', 'fiscalYears', 'municipalityId', 'status']),
    );
    expect(columns).not.toContain('body');
  });

  it('reads every column for a field it does not know, or when the path is not selected', () => {
    expect(caseColumnsFor(new Set(['title', 'somethingNew']), COLUMNS)).toBeNull();
    expect(selectedFields(infoFor('{ searchCaseStudies { totalHits } }'), ['hits', 'caseStudy'])).toBeNull();
    expect(caseColumnsFor(null, COLUMNS)).toBeNull();
  });

  it('adds what computed fields read', () => {
    expect(caseColumnsFor(new Set(['bodyHtml', 'contact']), COLUMNS)).toEqual(
      expect.arrayContaining(['body', 'contactDepartment', 'contactEmail', 'contactPhone']),
    );
  });
});

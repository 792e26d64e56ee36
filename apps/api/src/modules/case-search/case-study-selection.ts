import { Kind, type FieldNode, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';

/** Columns every hydrated case carries: its identity and what permission checks read. */
const BASE = [
  'id',
  'municipalityId',
  'authorId',
  'status',
  'visibility',
  'publishedAt',
  'createdAt',
  'updatedAt',
  'version',
  'unpublishedReason',
];

/** CaseStudy fields resolved from other properties (case-study.resolver.ts), and what they read. */
const COMPUTED: Record<string, string[]> = {
  bodyHtml: ['body'],
  fiscalYearLabels: ['fiscalYears'],
  contact: ['contactDepartment', 'contactEmail', 'contactPhone'],
  municipality: ['municipalityId'],
  author: ['authorId'],
  unpublishedReason: ['unpublishedReason'],
  // modules/watch: read from their own tables, by id (BASE has the municipality and status they check).
  viewerWatching: [],
  viewerFoundHelpful: [],
  viewerCanMarkHelpful: [],
  helpfulCount: [],
  // modules/adoption: read from the adoptions table, by the case's id.
  adoptionCount: [],
  adoptions: [],
  adoptedFrom: [],
  spreadChain: [],
  __typename: [],
};

/** Names of the fields selected under `path` (e.g. hits → caseStudy), following fragments; null if not found. */
export function selectedFields(info: GraphQLResolveInfo, path: readonly string[]): Set<string> | null {
  const collect = (set: SelectionSetNode | undefined, into: FieldNode[], name: string) => {
    for (const s of set?.selections ?? []) {
      if (s.kind === Kind.FIELD && s.name.value === name) into.push(s);
      else if (s.kind === Kind.INLINE_FRAGMENT) collect(s.selectionSet, into, name);
      else if (s.kind === Kind.FRAGMENT_SPREAD)
        collect(info.fragments[s.name.value]?.selectionSet, into, name);
    }
  };
  let level: FieldNode[] = [...info.fieldNodes];
  for (const name of path) {
    const next: FieldNode[] = [];
    for (const node of level) collect(node.selectionSet, next, name);
    if (next.length === 0) return null;
    level = next;
  }
  const names = new Set<string>();
  const add = (set: SelectionSetNode | undefined) => {
    for (const s of set?.selections ?? []) {
      if (s.kind === Kind.FIELD) names.add(s.name.value);
      else if (s.kind === Kind.INLINE_FRAGMENT) add(s.selectionSet);
      else if (s.kind === Kind.FRAGMENT_SPREAD) add(info.fragments[s.name.value]?.selectionSet);
    }
  };
  for (const node of level) add(node.selectionSet);
  return names;
}

/**
 * The case columns a query needs, by entity property, or null for all of them: a results page asks for a
 * few fields, and not reading, sending and parsing every case's body and texts is most of the hydration
 * cost. Any field this does not know (a new resolver, say) means "all columns", so it can only read more
 * than needed, never less.
 */
export function caseColumnsFor(fields: Set<string> | null, columns: ReadonlySet<string>): string[] | null {
  if (!fields) return null;
  const out = new Set(BASE);
  for (const f of fields) {
    const computed = COMPUTED[f];
    if (computed) computed.forEach((c) => out.add(c));
    else if (columns.has(f)) out.add(f);
    else return null;
  }
  return [...out].filter((c) => columns.has(c)).sort();
}

import { isTerm, termOf, termRange } from '@yokoten/case-studies';
import type { TFunction } from 'i18next';
import type {
  AgendaItemKind,
  AllocationMode,
  CreateExchangeSessionInput,
  SessionEditableFragment,
  SessionFormat,
} from '../../graphql/generated/graphql';
import type { Language } from '../../i18n/i18n';
import { fromJstInputValue, jstInputTime, toJstInputValue } from './jst';
import { termLabel } from './labels';

// The session form as the person edits it (strings, as inputs hold them), and the two conversions:
// from the API's session into the form, and from the form into the API's input after checking it.

export interface TableRow {
  key: string;
  /** An existing table, kept on update so that preferences and seats pointing at it survive. */
  id?: string;
  name: string;
  theme: string;
  seats: string;
}

export interface AgendaRow {
  key: string;
  kind: AgendaItemKind;
  title: string;
  speaker: string;
  affiliation: string;
  startsAt: string;
  durationMinutes: string;
  /** A case study id, or the address of its page (/cases/<id>), which is what an organiser can copy. */
  caseStudy: string;
}

export interface SessionFormValues {
  title: string;
  term: string;
  description: string;
  startsAt: string;
  endsAt: string;
  format: SessionFormat;
  venue: string;
  venueDetails: string;
  meetingUrl: string;
  capacity: string;
  perMunicipalityLimit: string;
  registrationOpensAt: string;
  registrationClosesAt: string;
  allocationMode: AllocationMode;
  isPublic: boolean;
  tables: TableRow[];
  agenda: AgendaRow[];
}

let counter = 0;
export const newKey = () => `row-${(counter += 1)}`;

export const emptyTable = (): TableRow => ({ key: newKey(), name: '', theme: '', seats: '' });
export const emptyAgendaItem = (): AgendaRow => ({
  key: newKey(),
  kind: 'KEYNOTE',
  title: '',
  speaker: '',
  affiliation: '',
  startsAt: '',
  durationMinutes: '',
  caseStudy: '',
});

export function emptySession(now = new Date()): SessionFormValues {
  return {
    title: '',
    term: termOf(now),
    description: '',
    startsAt: '',
    endsAt: '',
    format: 'HYBRID',
    venue: '',
    venueDetails: '',
    meetingUrl: '',
    capacity: '',
    perMunicipalityLimit: '2',
    registrationOpensAt: '',
    registrationClosesAt: '',
    allocationMode: 'FIRST_COME',
    isPublic: true,
    tables: [],
    agenda: [],
  };
}

export function fromSession(session: SessionEditableFragment): SessionFormValues {
  return {
    title: session.title,
    term: session.term,
    description: session.description,
    startsAt: toJstInputValue(session.startsAt),
    endsAt: toJstInputValue(session.endsAt),
    format: session.format,
    venue: session.venue ?? '',
    venueDetails: session.venueDetails ?? '',
    meetingUrl: session.meetingUrl ?? '',
    capacity: String(session.capacity),
    perMunicipalityLimit: session.perMunicipalityLimit === null ? '' : String(session.perMunicipalityLimit),
    registrationOpensAt: toJstInputValue(session.registrationOpensAt),
    registrationClosesAt: toJstInputValue(session.registrationClosesAt),
    allocationMode: session.allocationMode,
    isPublic: session.isPublic,
    tables: session.tables.map((table) => ({
      key: newKey(),
      id: table.id,
      name: table.name,
      theme: table.theme,
      seats: String(table.seats),
    })),
    agenda: session.agenda.map((item) => ({
      key: newKey(),
      kind: item.kind,
      title: item.title,
      speaker: item.speaker ?? '',
      affiliation: item.affiliation ?? '',
      startsAt: toJstInputValue(item.startsAt),
      durationMinutes: item.durationMinutes === null ? '' : String(item.durationMinutes),
      caseStudy: item.caseStudyId ?? '',
    })),
  };
}

/** Terms to choose from: last fiscal year to two years ahead, and whatever the session already has. */
export function termOptions(
  current: string,
  language: Language,
  now = new Date(),
): { value: string; label: string }[] {
  const fiscalYear = Number(termOf(now).slice(0, 4));
  const values = new Set<string>();
  for (let year = fiscalYear - 1; year <= fiscalYear + 2; year += 1) {
    values.add(`${year}H1`);
    values.add(`${year}H2`);
  }
  if (isTerm(current)) values.add(current);
  return [...values].sort().map((value) => ({ value, label: termLabel(value, language) }));
}

/** The term a start time falls in, or undefined while the input does not hold a date yet. */
export function termForStart(startsAt: string): string | undefined {
  const time = jstInputTime(startsAt);
  return Number.isNaN(time) ? undefined : termOf(new Date(time));
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

/** `…/cases/<uuid>` or a bare id → the id; undefined when there is none in the text. */
export function caseStudyIdOf(text: string): string | undefined {
  return UUID.exec(text.trim())?.[0]?.toLowerCase();
}

const INTEGER = /^\d+$/;
const toHalfWidth = (value: string) =>
  value.trim().replace(/[０-９]/g, (digit) => String.fromCharCode(digit.charCodeAt(0) - 0xfee0));

function integerIn(value: string, min: number, max: number): number | undefined {
  const normalized = toHalfWidth(value);
  if (!INTEGER.test(normalized)) return undefined;
  const n = Number(normalized);
  return n >= min && n <= max ? n : undefined;
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value.trim());
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

/** Field paths as the form's ids use them: `title`, `tables.0.seats`, `agenda.2.title`. */
export type FormErrors = Record<string, string>;

/** The order of the form, so that the error summary reads top to bottom like the fields. */
export const FIELD_ORDER = [
  'title',
  'term',
  'startsAt',
  'endsAt',
  'format',
  'venue',
  'meetingUrl',
  'capacity',
  'perMunicipalityLimit',
  'registrationOpensAt',
  'registrationClosesAt',
  'allocationMode',
  'description',
  'tables',
  'agenda',
] as const;

export function sortErrorPaths(paths: string[]): string[] {
  const rank = (path: string) => {
    const [head, index, sub] = path.split('.');
    const base = (FIELD_ORDER as readonly string[]).indexOf(head);
    return [base < 0 ? 999 : base, Number(index ?? -1), sub ?? ''] as const;
  };
  return [...paths].sort((a, b) => {
    const [ra, ia, sa] = rank(a);
    const [rb, ib, sb] = rank(b);
    return ra - rb || ia - ib || sa.localeCompare(sb);
  });
}

export function validateSession(values: SessionFormValues, t: TFunction, language: Language): FormErrors {
  const errors: FormErrors = {};
  const need = (field: string, label: string) =>
    (errors[field] = t('sessions.form.required', { field: label }));

  if (!values.title.trim()) need('title', t('sessions.form.title'));
  else if (values.title.trim().length > 200) errors.title = t('sessions.form.tooLong', { max: 200 });

  const starts = jstInputTime(values.startsAt);
  const ends = jstInputTime(values.endsAt);
  const opens = jstInputTime(values.registrationOpensAt);
  const closes = jstInputTime(values.registrationClosesAt);
  if (!values.startsAt) need('startsAt', t('sessions.form.startsAt'));
  else if (Number.isNaN(starts)) errors.startsAt = t('sessions.form.invalidDateTime');
  if (!values.endsAt) need('endsAt', t('sessions.form.endsAt'));
  else if (Number.isNaN(ends)) errors.endsAt = t('sessions.form.invalidDateTime');
  else if (!Number.isNaN(starts) && ends <= starts) errors.endsAt = t('sessions.form.endsAfterStart');

  if (!isTerm(values.term)) need('term', t('sessions.form.term'));
  else if (!Number.isNaN(starts)) {
    const { start, end } = termRange(values.term);
    if (starts < start.getTime() || starts >= end.getTime())
      errors.term = t('sessions.form.startOutsideTerm', { term: termLabel(values.term, language) });
  }

  if (values.format !== 'ONSITE' && values.meetingUrl.trim() && !isHttpUrl(values.meetingUrl))
    errors.meetingUrl = t('sessions.form.invalidUrl');

  if (!values.capacity.trim()) need('capacity', t('sessions.form.capacity'));
  else if (integerIn(values.capacity, 1, 10000) === undefined)
    errors.capacity = t('sessions.form.integerRange', { min: 1, max: 10000 });
  if (values.perMunicipalityLimit.trim() && integerIn(values.perMunicipalityLimit, 1, 1000) === undefined)
    errors.perMunicipalityLimit = t('sessions.form.integerRange', { min: 1, max: 1000 });

  if (!values.registrationOpensAt) need('registrationOpensAt', t('sessions.form.registrationOpensAt'));
  else if (Number.isNaN(opens)) errors.registrationOpensAt = t('sessions.form.invalidDateTime');
  if (!values.registrationClosesAt) need('registrationClosesAt', t('sessions.form.registrationClosesAt'));
  else if (Number.isNaN(closes)) errors.registrationClosesAt = t('sessions.form.invalidDateTime');
  else if (!Number.isNaN(opens) && closes <= opens)
    errors.registrationClosesAt = t('sessions.form.closesAfterOpens');
  else if (!Number.isNaN(starts) && closes > starts)
    errors.registrationClosesAt = t('sessions.form.closesBeforeStart');

  if (values.description.length > 10000) errors.description = t('sessions.form.tooLong', { max: 10000 });

  values.tables.forEach((table, index) => {
    const n = index + 1;
    if (!table.name.trim())
      errors[`tables.${index}.name`] = t('sessions.form.rowRequired', {
        row: t('sessions.form.tableRow', { n }),
        field: t('sessions.form.tableName'),
      });
    if (integerIn(table.seats, 1, 1000) === undefined)
      errors[`tables.${index}.seats`] = t('sessions.form.rowInteger', {
        row: t('sessions.form.tableRow', { n }),
        field: t('sessions.form.tableSeats'),
        min: 1,
        max: 1000,
      });
  });

  values.agenda.forEach((item, index) => {
    const row = t('sessions.form.agendaRow', { n: index + 1 });
    if (!item.title.trim())
      errors[`agenda.${index}.title`] = t('sessions.form.rowRequired', {
        row,
        field: t('sessions.form.agendaTitle'),
      });
    if (item.startsAt && Number.isNaN(jstInputTime(item.startsAt)))
      errors[`agenda.${index}.startsAt`] = `${row}：${t('sessions.form.invalidDateTime')}`;
    if (item.durationMinutes.trim() && integerIn(item.durationMinutes, 1, 1440) === undefined)
      errors[`agenda.${index}.durationMinutes`] = t('sessions.form.rowInteger', {
        row,
        field: t('sessions.form.agendaDuration'),
        min: 1,
        max: 1440,
      });
    if (item.caseStudy.trim() && !caseStudyIdOf(item.caseStudy))
      errors[`agenda.${index}.caseStudy`] = `${row}：${t('sessions.form.invalidCase')}`;
  });
  return errors;
}

const orNull = (value: string) => (value.trim() ? value.trim() : null);

/** The checked form as the API's input (call validateSession first). */
export function toSessionInput(values: SessionFormValues): CreateExchangeSessionInput {
  const iso = (value: string) => fromJstInputValue(value) as string;
  return {
    title: values.title.trim(),
    term: values.term,
    description: values.description.trim(),
    startsAt: iso(values.startsAt),
    endsAt: iso(values.endsAt),
    format: values.format,
    // Fields the chosen format hides are cleared, so that what the form shows is what is saved.
    venue: values.format === 'ONLINE' ? null : orNull(values.venue),
    venueDetails: values.format === 'ONLINE' ? null : orNull(values.venueDetails),
    meetingUrl: values.format === 'ONSITE' ? null : orNull(values.meetingUrl),
    capacity: Number(toHalfWidth(values.capacity)),
    perMunicipalityLimit: values.perMunicipalityLimit.trim()
      ? Number(toHalfWidth(values.perMunicipalityLimit))
      : null,
    registrationOpensAt: iso(values.registrationOpensAt),
    registrationClosesAt: iso(values.registrationClosesAt),
    allocationMode: values.allocationMode,
    isPublic: values.isPublic,
    tables: values.tables.map((table) => ({
      ...(table.id ? { id: table.id } : {}),
      name: table.name.trim(),
      theme: table.theme.trim(),
      seats: Number(toHalfWidth(table.seats)),
    })),
    agenda: values.agenda.map((item) => ({
      kind: item.kind,
      title: item.title.trim(),
      speaker: orNull(item.speaker),
      affiliation: orNull(item.affiliation),
      startsAt: item.startsAt ? fromJstInputValue(item.startsAt) : null,
      durationMinutes: item.durationMinutes.trim() ? Number(toHalfWidth(item.durationMinutes)) : null,
      caseStudyId: caseStudyIdOf(item.caseStudy) ?? null,
    })),
  };
}

/** `input.tables.0.name` (the API's field path) → `tables.0.name` (the form's). */
export function formPathOf(apiField: string | undefined): string | undefined {
  if (!apiField) return undefined;
  const path = apiField.replace(/^input\./, '');
  const head = path.split('.')[0];
  return (FIELD_ORDER as readonly string[]).includes(head) ? path : undefined;
}

/** The id of the input a form path belongs to, for labels and error-summary links. */
export const fieldId = (path: string) => `session-${path.replace(/\./g, '-')}`;

import type { FieldErrors, FormValues } from './editor-model';
import { CASE_FORM_FIELDS } from './field-labels';
import type { MarkdownTab } from './markdown-field';

// Everything the case editor's form holds, in one reducer: what was typed, what was left (touched), whether
// a save or publish was tried (submitted: every client error shows), the API's refusals, the body's tab
// and the action under way. Autosave and conflicts live in use-case-autosave.ts; they report here.

const OUTCOME_CELLS = ['label', 'before', 'after', 'unit', 'asOf'];

function orderOf(path: string): number {
  const [field, row, cell] = path.split('.');
  // The form's field order, so that the error summary reads top to bottom like the page.
  const base = (CASE_FORM_FIELDS as readonly string[]).indexOf(field ?? '');
  return (
    (base < 0 ? 999 : base) * 10_000 +
    (Number(row) || 0) * 10 +
    Math.max(0, OUTCOME_CELLS.indexOf(cell ?? ''))
  );
}

/** Error entries in the order of the form (`outcomes.2.after` after `outcomes.2.label`, before `lessonsLearned`). */
export const inFormOrder = (errors: FieldErrors): [string, string][] =>
  Object.entries(errors).sort(([a], [b]) => orderOf(a) - orderOf(b));

/** The top-level form field a path belongs to (`outcomes.2.after` → `outcomes`). */
export const fieldOf = (path: string) => path.split('.')[0] ?? path;

export type Busy = 'create' | 'save' | 'publish';

export interface CaseFormState {
  values: FormValues;
  /** Names of the inputs the person has left: their client errors show from then on. */
  touched: ReadonlySet<string>;
  /** A create, save or publish was tried: every client error shows, and the summary lists them. */
  submitted: boolean;
  /** The API's refusals by field path; a field's go when it is edited or saved. */
  apiErrors: FieldErrors;
  /** Fields the API named as missing when publishing. */
  apiMissing: string[];
  /** A refusal that names no field. */
  formError?: string;
  bodyTab: MarkdownTab;
  busy?: Busy;
  confirmPublish: boolean;
  /** Counts the requests to move the focus to the error summary (each one moves it again). */
  summaryFocus: number;
}

export type CaseFormAction =
  | { type: 'change'; field: keyof FormValues; value: FormValues[keyof FormValues] }
  | { type: 'touch'; name: string }
  | { type: 'bodyTab'; tab: MarkdownTab }
  /** Create, save or publish pressed: earlier refusals go, and the summary takes the focus if `invalid`. */
  | { type: 'submit'; clearMissing: boolean; invalid: boolean }
  /** The API refused an action: show why and move the focus to the summary. */
  | { type: 'refused'; apiErrors?: FieldErrors; apiMissing?: string[]; formError?: string }
  /** An (auto)save was refused for these fields: shown beside them, without moving the focus. */
  | { type: 'saveRefused'; apiErrors: FieldErrors }
  /** These fields were saved: the API's earlier refusals of them no longer hold. */
  | { type: 'saved'; fields: string[] }
  | { type: 'focusSummary' }
  | { type: 'busy'; busy?: Busy }
  | { type: 'confirmPublish'; open: boolean };

export const initialFormState = (values: FormValues): CaseFormState => ({
  values,
  touched: new Set(),
  submitted: false,
  apiErrors: {},
  apiMissing: [],
  formError: undefined,
  bodyTab: 'write',
  busy: undefined,
  confirmPublish: false,
  summaryFocus: 0,
});

function withoutFields(errors: FieldErrors, drop: (field: string) => boolean): FieldErrors {
  const paths = Object.keys(errors);
  if (!paths.some((path) => drop(fieldOf(path)))) return errors;
  return Object.fromEntries(Object.entries(errors).filter(([path]) => !drop(fieldOf(path))));
}

export function caseFormReducer(state: CaseFormState, action: CaseFormAction): CaseFormState {
  switch (action.type) {
    case 'change':
      return {
        ...state,
        values: { ...state.values, [action.field]: action.value },
        apiMissing: [],
        formError: undefined,
        apiErrors: withoutFields(state.apiErrors, (field) => field === action.field),
      };
    case 'touch':
      return state.touched.has(action.name)
        ? state
        : { ...state, touched: new Set(state.touched).add(action.name) };
    case 'bodyTab':
      return state.bodyTab === action.tab ? state : { ...state, bodyTab: action.tab };
    case 'submit':
      return {
        ...state,
        formError: undefined,
        apiMissing: action.clearMissing ? [] : state.apiMissing,
        submitted: true,
        summaryFocus: action.invalid ? state.summaryFocus + 1 : state.summaryFocus,
      };
    case 'refused':
      return {
        ...state,
        apiErrors: action.apiErrors ?? state.apiErrors,
        apiMissing: action.apiMissing ?? state.apiMissing,
        formError: action.formError ?? state.formError,
        summaryFocus: state.summaryFocus + 1,
      };
    case 'saveRefused':
      return { ...state, apiErrors: { ...state.apiErrors, ...action.apiErrors } };
    case 'saved':
      return {
        ...state,
        apiErrors: withoutFields(state.apiErrors, (field) => action.fields.includes(field)),
      };
    case 'focusSummary':
      return { ...state, summaryFocus: state.summaryFocus + 1 };
    case 'busy':
      return { ...state, busy: action.busy };
    case 'confirmPublish':
      return { ...state, confirmPublish: action.open };
  }
}

/**
 * The errors shown beside the fields: a client error once its field was left or a save was tried, and every
 * API refusal; the summary lists all of them after a save was tried, and only the API's before.
 */
export function visibleErrors(state: CaseFormState, clientErrors: FieldErrors) {
  const shown: FieldErrors = {};
  for (const [path, message] of Object.entries(clientErrors)) {
    if (state.submitted || state.touched.has(path) || state.touched.has(fieldOf(path))) shown[path] = message;
  }
  Object.assign(shown, state.apiErrors);
  const summary = inFormOrder(state.submitted ? shown : state.apiErrors);
  return {
    shown,
    summary,
    showSummary: summary.length > 0 || state.apiMissing.length > 0 || Boolean(state.formError),
  };
}

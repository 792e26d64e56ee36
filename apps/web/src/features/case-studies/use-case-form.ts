import { useMemo, useReducer, type FocusEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { caseFormReducer, initialFormState, visibleErrors, type Busy } from './case-editor-state';
import { buildInput, type FieldErrors, type FormValues } from './editor-model';
import type { MarkdownTab } from './markdown-field';

/** The text inputs bound the same way: id `case-<field>`, name for the blur tracking, value, error, onChange. */
export type TextFieldName =
  | 'title'
  | 'summary'
  | 'lessonsLearned'
  | 'challenges'
  | 'successConditions'
  | 'contactDepartment'
  | 'contactEmail'
  | 'contactPhone'
  | 'tags'
  | 'budgetYen'
  | 'fundingSources'
  | 'partners';

/** What a section of the form needs: the values, the errors it shows, and how to change a value. */
export interface CaseFormFields {
  values: FormValues;
  errors: FieldErrors;
  change: <K extends keyof FormValues>(field: K, value: FormValues[K]) => void;
  bind: (field: TextFieldName) => {
    id: string;
    name: string;
    value: string;
    error: string | undefined;
    onChange: (event: { target: { value: string } }) => void;
  };
}

/**
 * The case editor's form state in one reducer (case-editor-state.ts), with what follows from it: the API
 * input and client errors (buildInput), the errors to show and the summary. The actions are stable, so the
 * autosave's callbacks can depend on them.
 */
export function useCaseForm(initialValues: () => FormValues) {
  const { t } = useTranslation();
  const [state, dispatch] = useReducer(caseFormReducer, undefined, () => initialFormState(initialValues()));
  const built = useMemo(() => buildInput(state.values, t), [state.values, t]);
  const { shown, summary, showSummary } = visibleErrors(state, built.errors);

  const actions = useMemo(
    () => ({
      change: <K extends keyof FormValues>(field: K, value: FormValues[K]) =>
        dispatch({ type: 'change', field, value }),
      /** The form's onBlur: an input with a name counts as left. */
      touch: (event: FocusEvent<HTMLFormElement>) => {
        const name = (event.target as Element).getAttribute('name');
        if (name) dispatch({ type: 'touch', name });
      },
      setBodyTab: (tab: MarkdownTab) => dispatch({ type: 'bodyTab', tab }),
      submit: (invalid: boolean, options: { clearMissing?: boolean } = {}) =>
        dispatch({ type: 'submit', invalid, clearMissing: options.clearMissing ?? false }),
      refused: (refusal: { apiErrors?: FieldErrors; apiMissing?: string[]; formError?: string }) =>
        dispatch({ type: 'refused', ...refusal }),
      saveRefused: (apiErrors: FieldErrors) => dispatch({ type: 'saveRefused', apiErrors }),
      saved: (fields: string[]) => dispatch({ type: 'saved', fields }),
      focusSummary: () => dispatch({ type: 'focusSummary' }),
      setBusy: (busy?: Busy) => dispatch({ type: 'busy', busy }),
      setConfirmPublish: (open: boolean) => dispatch({ type: 'confirmPublish', open }),
    }),
    [],
  );

  const fields: CaseFormFields = {
    values: state.values,
    errors: shown,
    change: actions.change,
    bind: (field) => ({
      id: `case-${field}`,
      name: field,
      value: state.values[field],
      error: shown[field],
      onChange: (event) => actions.change(field, event.target.value),
    }),
  };

  return { state, built, fields, summary, showSummary, actions };
}

export type CaseFormActions = ReturnType<typeof useCaseForm>['actions'];

import { useCallback, useEffect, useRef, useState } from 'react';
import { useApolloClient } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { UpdateCaseStudyDocument, type CaseStudyEditableFragment } from '../../graphql/generated/graphql';
import { apiProblem, problemMessage } from '../../shared/errors';
import { useLeaveGuard } from '../../shared/leave-guard';
import { fieldOf, type Busy } from './case-editor-state';
import { caseProblem } from './case-errors';
import {
  buildInput,
  changedInput,
  emptyValues,
  isEmptyInput,
  valuesFromCase,
  type CaseInput,
  type FieldErrors,
  type FormValues,
} from './editor-model';
import { caseFieldLabel } from './field-labels';

const AUTOSAVE_DELAY_MS = 1500;

export type SaveState =
  | { kind: 'idle' }
  | { kind: 'pending' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: Date; partial: boolean }
  | { kind: 'invalid' }
  | { kind: 'conflict'; currentVersion?: number }
  | { kind: 'failed'; message: string };

/**
 * Saving an existing case: what changed since the last save goes in one update with the version it was
 * read at (the API's optimistic lock), one save at a time. A draft saves itself a moment after the last
 * change and on the way out; a CONFLICT (someone saved in between) stops the autosave until the person
 * reloads or overwrites (saveNow with the version the API reported). Leaving with changes that are not
 * saved, and will not be, asks first (useLeaveGuard and the browser's beforeunload).
 */
export function useCaseAutosave({
  caseStudy,
  values,
  input,
  heldBack,
  autosave,
  busy,
  onSaved,
  onRefused,
}: {
  /** The case as loaded (undefined for a new one); the form remounts when it is reloaded. */
  caseStudy: CaseStudyEditableFragment | undefined;
  values: FormValues;
  /** What is valid in `values`, as the API's input (buildInput). */
  input: CaseInput;
  /** Some of `values` is not valid and is held back from saving. */
  heldBack: boolean;
  /** Drafts save themselves; published and archived cases save when asked. */
  autosave: boolean;
  busy: Busy | undefined;
  /** Stable: these fields were saved. */
  onSaved: (fields: string[]) => void;
  /** Stable: the API refused these field paths. */
  onRefused: (errors: FieldErrors) => void;
}) {
  const { t } = useTranslation();
  const client = useApolloClient();
  const caseId = caseStudy?.id;
  const isNew = !caseStudy;

  const [save, setSaveState] = useState<SaveState>({ kind: 'idle' });
  // The save state as of now, for code that goes on after an await (the rendered one may be older).
  const current = useRef(save);
  const setSave = useCallback((next: SaveState | ((previous: SaveState) => SaveState)) => {
    current.current = typeof next === 'function' ? next(current.current) : next;
    setSaveState(current.current);
  }, []);

  /** What the API holds (as the case was loaded; each save moves it on), and the version it is at. */
  const [loaded] = useState(() => buildInput(caseStudy ? valuesFromCase(caseStudy) : emptyValues(), t).input);
  const saved = useRef<CaseInput>(loaded);
  const version = useRef<number | undefined>(caseStudy?.version);
  // A save that waits for the one in flight sends the values and case of that moment, not of its start.
  const latest = useRef({ values, caseStudy });
  latest.current = { values, caseStudy };
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const inFlight = useRef<Promise<CaseStudyEditableFragment | null> | null>(null);

  const pendingChanges = changedInput(input, saved.current);
  const pristine =
    JSON.stringify(values) === JSON.stringify(caseStudy ? valuesFromCase(caseStudy) : emptyValues());
  const dirty = isNew ? !pristine : !isEmptyInput(pendingChanges) || (heldBack && !pristine);

  /** Sends what changed (or everything, to overwrite after a conflict); resolves to the saved case. */
  const saveNow = useCallback(
    async (options: { overwriteVersion?: number } = {}): Promise<CaseStudyEditableFragment | null> => {
      if (!caseId) return null;
      // One save at a time: the next one diffs against what the previous one stored.
      while (inFlight.current) await inFlight.current;
      const { input: all, errors } = buildInput(latest.current.values, t);
      const overwrite = options.overwriteVersion !== undefined;
      const changes = overwrite ? all : changedInput(all, saved.current);
      const partial = Object.keys(errors).length > 0;
      if (isEmptyInput(changes)) {
        setSave((previous) =>
          partial ? { kind: 'invalid' } : previous.kind === 'pending' ? { kind: 'idle' } : previous,
        );
        return latest.current.caseStudy ?? null;
      }
      setSave({ kind: 'saving' });
      const run = (async () => {
        try {
          const result = await client.mutate({
            mutation: UpdateCaseStudyDocument,
            variables: {
              id: caseId,
              input: { ...changes, expectedVersion: overwrite ? options.overwriteVersion : version.current },
            },
          });
          const updated = result.data?.updateCaseStudy ?? null;
          if (updated) version.current = updated.version;
          saved.current = { ...saved.current, ...changes };
          onSaved(Object.keys(changes));
          setSave({ kind: 'saved', at: new Date(), partial });
          return updated;
        } catch (caught) {
          const problem = caseProblem(caught);
          if (problem.code === 'CONFLICT') {
            setSave({ kind: 'conflict', currentVersion: problem.currentVersion });
          } else if (problem.code === 'BAD_USER_INPUT' && problem.fields.length) {
            const refused: FieldErrors = {};
            for (const path of problem.fields) {
              refused[path] = t('caseEditor.errors.apiInvalid', { field: caseFieldLabel(fieldOf(path), t) });
            }
            onRefused(refused);
            setSave({ kind: 'invalid' });
          } else {
            setSave({ kind: 'failed', message: problemMessage(apiProblem(caught), t) });
          }
          return null;
        }
      })();
      inFlight.current = run;
      try {
        return await run;
      } finally {
        inFlight.current = null;
      }
    },
    [caseId, client, t, onSaved, onRefused, setSave],
  );

  /** Stops a waiting autosave (an explicit save or publish sends the changes itself). */
  const cancelPending = useCallback(() => clearTimeout(timer.current), []);

  // Autosave a draft a moment after the last change (not while a conflict waits for a decision).
  useEffect(() => {
    if (!autosave || isEmptyInput(pendingChanges)) return;
    if (current.current.kind === 'conflict') return;
    setSave((previous) => (previous.kind === 'saving' ? previous : { kind: 'pending' }));
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void saveNow(), AUTOSAVE_DELAY_MS);
    return () => clearTimeout(timer.current);
    // pendingChanges is derived from values: this runs on every edit.
  }, [values, autosave, saveNow]);

  // Leaving the page: a draft saves what is pending on the way out; anything else asks first.
  useEffect(
    () => () => {
      clearTimeout(timer.current);
      if (autosave && current.current.kind === 'pending') void saveNow();
    },
    [autosave, saveNow],
  );
  const mustAsk =
    dirty && (!autosave || heldBack || ['invalid', 'conflict', 'failed'].includes(save.kind)) && !busy;
  const blocker = useLeaveGuard(
    ({ currentLocation, nextLocation }) => mustAsk && currentLocation.pathname !== nextLocation.pathname,
  );
  useEffect(() => {
    if (!mustAsk && !(autosave && (save.kind === 'pending' || save.kind === 'saving'))) return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (autosave && current.current.kind === 'pending') void saveNow();
      event.preventDefault();
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [mustAsk, autosave, save.kind, saveNow]);

  return {
    save,
    /** The save state now, after an await (saveNow has settled it). */
    saveKind: () => current.current.kind,
    saveNow,
    cancelPending,
    pendingChanges,
    dirty,
    /** The version this editor last read or saved, for the conflict message. */
    version: version.current,
    blocker,
  };
}

import { useEffect, useRef, useState, type ChangeEvent, type CompositionEvent } from 'react';

/**
 * Search-as-you-type that waits for the Japanese input method: while a reading (「じんざいいくせい」) is being
 * composed nothing is searched; once it is converted (compositionend) the query is committed after a short
 * pause, or at once through `commit` (Enter, a submit button). `same` says when two queries need no new
 * search (by default: equal after trimming). The draft follows `value` when it changes from outside (back
 * button, "clear filters", a link).
 */
export function useImeSearch({
  value,
  onCommit,
  debounceMs,
  same = (a, b) => a === b,
}: {
  value: string;
  onCommit: (value: string) => void;
  debounceMs: number;
  same?: (a: string, b: string) => boolean;
}) {
  const [draft, setDraft] = useState(value);
  const composing = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const lastCommitted = useRef(value);
  // The debounced commit runs after later renders: it must call the newest onCommit, whose page state
  // includes a filter or sort chosen meanwhile, not the one of the keystroke (which would undo them).
  const latestOnCommit = useRef(onCommit);
  useEffect(() => {
    latestOnCommit.current = onCommit;
  });

  useEffect(() => {
    if (value !== lastCommitted.current) {
      lastCommitted.current = value;
      setDraft(value);
    }
  }, [value]);

  useEffect(() => () => clearTimeout(timer.current), []);

  function commit(next: string) {
    clearTimeout(timer.current);
    const trimmed = next.trim();
    if (same(trimmed, lastCommitted.current)) return;
    lastCommitted.current = trimmed;
    latestOnCommit.current(trimmed);
  }

  function schedule(next: string) {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => commit(next), debounceMs);
  }

  return {
    draft,
    commit,
    /** Whether the input method is composing: an Enter now only confirms a conversion (no search, no submit). */
    isComposing: (key?: { isComposing: boolean }) => Boolean(key?.isComposing) || composing.current,
    inputProps: {
      value: draft,
      onChange: (event: ChangeEvent<HTMLInputElement>) => {
        setDraft(event.target.value);
        const native = event.nativeEvent as InputEvent;
        if (!composing.current && !native.isComposing) schedule(event.target.value);
      },
      onCompositionStart: () => {
        composing.current = true;
        clearTimeout(timer.current);
      },
      onCompositionEnd: (event: CompositionEvent<HTMLInputElement>) => {
        composing.current = false;
        schedule(event.currentTarget.value);
      },
    },
  };
}

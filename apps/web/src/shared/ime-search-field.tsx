import { TextField } from './form-fields';
import { useImeSearch } from './use-ime-search';

/**
 * A search box (type="search", name="q") that does not query while a Japanese IME is composing (see
 * useImeSearch): the value is committed after a short pause once composition has ended, or at once on a
 * plain Enter (Enter while composing confirms the conversion).
 */
export function ImeSearchField({
  id,
  label,
  hint,
  value,
  onCommit,
  debounceMs,
  same,
}: {
  id: string;
  label: string;
  hint: string;
  value: string;
  onCommit: (value: string) => void;
  debounceMs: number;
  same?: (a: string, b: string) => boolean;
}) {
  const search = useImeSearch({ value, onCommit, debounceMs, same });
  return (
    <TextField
      id={id}
      type="search"
      name="q"
      label={label}
      hint={hint}
      autoComplete="off"
      {...search.inputProps}
      onKeyDown={(event) => {
        if (event.key === 'Enter' && !search.isComposing(event.nativeEvent)) {
          event.preventDefault();
          search.commit(event.currentTarget.value);
        }
      }}
    />
  );
}

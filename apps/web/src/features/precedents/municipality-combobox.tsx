import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import {
  PrecedentMunicipalityOptionsDocument,
  type PrecedentMunicipalityFragment,
} from '../../graphql/generated/graphql';
import { fieldError, fieldHint, textInput } from '../../shared/ui-classes';
import { municipalityOptionLabel } from './municipality-picker';

const DEBOUNCE_MS = 200;
const OPTIONS = 20;

/**
 * The finder's municipality: an ARIA 1.2 combobox (list autocomplete). The list opens at once with the
 * first municipalities of the register and narrows as one types a name or its reading (kana or kanji;
 * the API folds katakana, hiragana and widths); arrow keys move through it, Enter chooses, Escape
 * closes. The register's whole list is behind the query, members or not. A name not in the register
 * says so and points to searching by size and prefecture.
 */
export function MunicipalityCombobox({
  id,
  label,
  hint,
  selected,
  onSelect,
  error,
  notFoundHint,
}: {
  id: string;
  label: string;
  hint: string;
  selected: PrecedentMunicipalityFragment | null;
  onSelect: (m: PrecedentMunicipalityFragment | null) => void;
  error?: string;
  /** Said when nothing in the register matches what was typed. */
  notFoundHint: string;
}) {
  const { t } = useTranslation();
  const listId = useId();
  const statusId = useId();
  const hintId = useId();
  const [text, setText] = useState(selected ? municipalityOptionLabel(selected) : '');
  const [search, setSearch] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const composing = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  // The chosen municipality (from the URL or the officer's own) shows in the box.
  useEffect(() => {
    if (selected) setText(municipalityOptionLabel(selected));
  }, [selected]);

  const { data, loading } = useQuery(PrecedentMunicipalityOptionsDocument, {
    variables: { search, first: OPTIONS },
  });
  const options = data?.municipalities.edges.map((edge) => edge.node) ?? [];
  const total = data?.municipalities.totalCount ?? 0;

  const schedule = (value: string) => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => setSearch(value.trim()), DEBOUNCE_MS);
  };
  const choose = (m: PrecedentMunicipalityFragment) => {
    onSelect(m);
    setText(municipalityOptionLabel(m));
    setOpen(false);
    setActive(-1);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.nativeEvent.isComposing || composing.current) return;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (!open) setOpen(true);
      if (!options.length) return;
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((i) => (i + step + options.length) % options.length);
    } else if (event.key === 'Enter') {
      if (open && active >= 0 && options[active]) {
        event.preventDefault();
        choose(options[active]);
      } else if (open) {
        // Enter in the box never submits a half-chosen form: it narrows at once.
        event.preventDefault();
        clearTimeout(timer.current);
        setSearch(event.currentTarget.value.trim());
      }
    } else if (event.key === 'Escape') {
      if (open) {
        event.preventDefault();
        setOpen(false);
        setActive(-1);
      } else if (text) {
        setText('');
        onSelect(null);
        schedule('');
      }
    }
  };

  const status = loading
    ? t('common.loading')
    : options.length === 0
      ? t('precedents.comboNone', { query: search })
      : total > options.length
        ? t('precedents.comboSome', { count: options.length, total })
        : t('precedents.comboFound', { count: options.length });
  const activeId = open && active >= 0 && options[active] ? `${listId}-${options[active].code}` : undefined;

  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-std-16B-170 text-solid-gray-800">
        {label}
      </label>
      <span id={hintId} className={fieldHint}>
        {hint}
      </span>
      <div className="relative">
        <input
          id={id}
          type="text"
          role="combobox"
          autoComplete="off"
          spellCheck={false}
          className={textInput}
          value={text}
          data-code={selected?.code ?? ''}
          aria-autocomplete="list"
          aria-expanded={open}
          aria-controls={listId}
          aria-activedescendant={activeId}
          aria-invalid={error ? true : undefined}
          aria-describedby={[hintId, statusId, error ? `${id}-error` : ''].filter(Boolean).join(' ')}
          onFocus={() => setOpen(true)}
          onClick={() => setOpen(true)}
          onBlur={() => {
            setOpen(false);
            setActive(-1);
            // Leaving the box with a name that is not the chosen one: the box shows the choice again.
            if (selected) setText(municipalityOptionLabel(selected));
          }}
          onChange={(event) => {
            const value = event.target.value;
            setText(value);
            setOpen(true);
            setActive(-1);
            if (selected) onSelect(null);
            const native = event.nativeEvent as InputEvent;
            if (!composing.current && !native.isComposing) schedule(value);
          }}
          onCompositionStart={() => {
            composing.current = true;
          }}
          onCompositionEnd={(event) => {
            composing.current = false;
            schedule(event.currentTarget.value);
          }}
          onKeyDown={onKeyDown}
        />
        <ul
          id={listId}
          role="listbox"
          aria-label={label}
          hidden={!open || options.length === 0}
          className="absolute z-20 mt-1 max-h-72 w-full overflow-y-auto rounded-8 border border-solid-gray-900 bg-white py-1 shadow-lg"
        >
          {options.map((m, i) => (
            <li
              key={m.code}
              id={`${listId}-${m.code}`}
              role="option"
              aria-selected={selected?.code === m.code}
              className={`cursor-pointer px-4 py-2 text-std-16N-170 ${
                i === active ? 'bg-blue-900 text-white' : 'text-solid-gray-800 hover:bg-blue-100'
              }`}
              // mousedown, not click: the box's blur would close the list before the click lands.
              onMouseDown={(event) => {
                event.preventDefault();
                choose(m);
              }}
            >
              {municipalityOptionLabel(m)}
              {m.membershipStatus !== 'MEMBER' && (
                <span className={i === active ? 'ml-2 text-white' : 'ml-2 text-solid-gray-600'}>
                  {t('precedents.comboNotMember')}
                </span>
              )}
            </li>
          ))}
        </ul>
      </div>
      <span id={statusId} role="status" className={fieldHint}>
        {status}
        {!loading && options.length === 0 && <> {notFoundHint}</>}
      </span>
      {error && (
        <span id={`${id}-error`} className={fieldError}>
          {error}
        </span>
      )}
    </div>
  );
}

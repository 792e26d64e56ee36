import { useEffect, useId, useRef, useState } from 'react';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import {
  PrecedentMunicipalityOptionsDocument,
  type PrecedentMunicipalityFragment,
} from '../../graphql/generated/graphql';
import { currentLanguage } from '../../i18n/i18n';
import { fieldError, fieldHint, fieldLabel, selectInput, textInput } from '../../shared/ui-classes';
import { municipalityName, prefectureName } from '../municipalities/labels';

const DEBOUNCE_MS = 300;

export function municipalityOptionLabel(m: PrecedentMunicipalityFragment): string {
  const language = currentLanguage();
  const pref = prefectureName(m.prefecture, language);
  const name = municipalityName(m, language);
  return m.kind === 'PREFECTURE' ? name : language === 'ja' ? `${name}（${pref}）` : `${name} (${pref})`;
}

/**
 * A searchable select: a search box (name or kana, IME-aware) narrows the options of a plain <select>
 * from `municipalities(filter: { search })`. Both are native controls, so keyboards and screen readers
 * work as they always do.
 */
export function MunicipalityPicker({
  selected,
  onSelect,
  error,
  selectId,
  legend,
  hint,
}: {
  selected: PrecedentMunicipalityFragment | null;
  onSelect: (m: PrecedentMunicipalityFragment | null) => void;
  error?: string;
  selectId: string;
  /** The question the picker answers, when it is not the finder's (「どの自治体の立場で探しますか」). */
  legend?: string;
  hint?: string;
}) {
  const { t } = useTranslation();
  const searchId = useId();
  const [draft, setDraft] = useState('');
  const [search, setSearch] = useState('');
  const composing = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  const { data, loading } = useQuery(PrecedentMunicipalityOptionsDocument, {
    variables: { search },
    skip: search.length === 0,
  });
  const found = data?.municipalities.edges.map((edge) => edge.node) ?? [];
  const options = selected ? [selected, ...found.filter((m) => m.code !== selected.code)] : found;

  const schedule = (value: string) => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => setSearch(value.trim()), DEBOUNCE_MS);
  };

  return (
    <fieldset className="flex flex-col gap-4">
      <legend className={fieldLabel}>{legend ?? t('precedents.municipalityLegend')}</legend>
      <p className={`${fieldHint} -mt-3`}>{hint ?? t('precedents.municipalityHint')}</p>
      <div className="flex flex-col gap-1">
        <label htmlFor={searchId} className="text-std-16B-170 text-solid-gray-800">
          {t('precedents.municipalitySearch')}
        </label>
        <input
          id={searchId}
          type="search"
          autoComplete="off"
          className={textInput}
          value={draft}
          aria-describedby={`${searchId}-status`}
          onChange={(event) => {
            setDraft(event.target.value);
            const native = event.nativeEvent as InputEvent;
            if (!composing.current && !native.isComposing) schedule(event.target.value);
          }}
          onCompositionStart={() => {
            composing.current = true;
            clearTimeout(timer.current);
          }}
          onCompositionEnd={(event) => {
            composing.current = false;
            schedule(event.currentTarget.value);
          }}
          onKeyDown={(event) => {
            if (event.key === 'Enter' && !event.nativeEvent.isComposing && !composing.current) {
              event.preventDefault();
              clearTimeout(timer.current);
              setSearch(event.currentTarget.value.trim());
            }
          }}
        />
        <span id={`${searchId}-status`} role="status" className={fieldHint}>
          {search
            ? loading
              ? t('common.loading')
              : t('precedents.municipalityFound', { count: found.length })
            : t('precedents.municipalitySearchHint')}
        </span>
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor={selectId} className="text-std-16B-170 text-solid-gray-800">
          {t('precedents.municipalitySelect')}
          <span className="ml-2 text-std-16N-170 text-error-2">※{t('common.required')}</span>
        </label>
        <select
          id={selectId}
          className={selectInput}
          value={selected?.code ?? ''}
          aria-required
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${selectId}-error` : undefined}
          onChange={(event) => onSelect(options.find((m) => m.code === event.target.value) ?? null)}
        >
          <option value="">{t('precedents.municipalityNone')}</option>
          {options.map((m) => (
            <option key={m.code} value={m.code}>
              {municipalityOptionLabel(m)}
            </option>
          ))}
        </select>
        {error && (
          <span id={`${selectId}-error`} className={fieldError}>
            {error}
          </span>
        )}
      </div>
    </fieldset>
  );
}

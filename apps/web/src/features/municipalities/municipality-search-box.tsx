import { useTranslation } from 'react-i18next';
import { normalizeForSearch } from '@yokoten/case-studies';
import { TextField } from '../../shared/form-fields';
import { useImeSearch } from '../../shared/use-ime-search';

const DEBOUNCE_MS = 350;

/**
 * Name/kana search that does not query while a Japanese IME is composing: typing 「きたきゅうしゅう」
 * and converting to 北九州 should send one query for 北九州, not one per keystroke of the reading.
 * The value is committed after a short pause once composition has ended, or at once on Enter.
 */
export function MunicipalitySearchBox({
  value,
  onCommit,
}: {
  value: string;
  onCommit: (value: string) => void;
}) {
  const { t } = useTranslation();
  const search = useImeSearch({
    value,
    onCommit,
    debounceMs: DEBOUNCE_MS,
    // ｷﾀｷｭｳｼｭｳ and きたきゅうしゅう find the same municipalities: do not query again for a mere respelling.
    same: (a, b) => normalizeForSearch(a) === normalizeForSearch(b),
  });

  return (
    <TextField
      id="municipality-search"
      type="search"
      name="q"
      label={t('municipalities.search')}
      hint={t('municipalities.searchHint')}
      autoComplete="off"
      {...search.inputProps}
      onKeyDown={(event) => {
        // Enter while composing confirms the conversion; only a plain Enter searches.
        if (event.key === 'Enter' && !search.isComposing(event.nativeEvent)) {
          event.preventDefault();
          search.commit(event.currentTarget.value);
        }
      }}
    />
  );
}

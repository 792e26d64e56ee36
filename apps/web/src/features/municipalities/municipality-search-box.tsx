import { useTranslation } from 'react-i18next';
import { normalizeForSearch } from '@yokoten/case-studies';
import { ImeSearchField } from '../../shared/ime-search-field';

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
  return (
    <ImeSearchField
      id="municipality-search"
      label={t('municipalities.search')}
      hint={t('municipalities.searchHint')}
      value={value}
      onCommit={onCommit}
      debounceMs={DEBOUNCE_MS}
      // ｷﾀｷｭｳｼｭｳ and きたきゅうしゅう find the same municipalities: do not query again for a mere respelling.
      same={(a, b) => normalizeForSearch(a) === normalizeForSearch(b)}
    />
  );
}

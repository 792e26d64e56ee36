import { useTranslation } from 'react-i18next';
import { LANGUAGES, changeLanguage, currentLanguage } from '../i18n/i18n';
import { buttonSmallOutline } from '../shared/ui-classes';

export function LanguageSwitcher() {
  const { t } = useTranslation();
  const active = currentLanguage();
  return (
    <div role="group" aria-label={t('a11y.languageGroup')} className="flex gap-1">
      {LANGUAGES.map((language) => (
        <button
          key={language}
          type="button"
          lang={language}
          aria-pressed={active === language}
          className={buttonSmallOutline}
          onClick={() => void changeLanguage(language)}
        >
          {t(`language.${language}`)}
        </button>
      ))}
    </div>
  );
}

import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { container } from '../shared/ui-classes';

export function SiteFooter() {
  const { t } = useTranslation();
  return (
    <footer className="mt-16 border-t border-solid-gray-420 bg-solid-gray-50">
      <div className={`${container} flex flex-col gap-4 py-8`}>
        <nav aria-label={t('a11y.footerNav')}>
          <ul className="flex flex-wrap gap-x-6 gap-y-2">
            <li>
              <Link className="link-text" to="/">
                {t('nav.home')}
              </Link>
            </li>
            <li>
              <Link className="link-text" to="/cases">
                {t('nav.cases')}
              </Link>
            </li>
            <li>
              <Link className="link-text" to="/sessions">
                {t('sessions.nav')}
              </Link>
            </li>
            <li>
              <Link className="link-text" to="/municipalities">
                {t('nav.municipalities')}
              </Link>
            </li>
            <li>
              <Link className="link-text" to="/declarations">
                {t('nav.declarations')}
              </Link>
            </li>
            <li>
              <Link className="link-text" to="/open-data">
                {t('openData.nav')}
              </Link>
            </li>
          </ul>
        </nav>
        <p className="text-std-16N-170 text-solid-gray-700">{t('footer.about')}</p>
        <p className="text-std-16N-170 text-solid-gray-700">{t('footer.operator')}</p>
        <p className="text-std-16N-170 text-solid-gray-700">
          <small>{t('footer.copyright')}</small>
        </p>
      </div>
    </footer>
  );
}

import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { container } from '../shared/ui-classes';

// On a phone each link is a 44px-high target; from md the list is a plain line of text links.
const footerLink = 'link-text inline-flex min-h-11 items-center md:inline md:min-h-0';

export function SiteFooter() {
  const { t } = useTranslation();
  return (
    <footer className="mt-16 border-t border-solid-gray-420 bg-solid-gray-50">
      <div className={`${container} flex flex-col gap-4 py-8`}>
        <nav aria-label={t('a11y.footerNav')}>
          <ul className="flex flex-wrap gap-x-6 md:gap-y-2">
            <li>
              <Link className={footerLink} to="/">
                {t('nav.home')}
              </Link>
            </li>
            <li>
              <Link className={footerLink} to="/cases">
                {t('nav.cases')}
              </Link>
            </li>
            <li>
              <Link className={footerLink} to="/sessions">
                {t('sessions.nav')}
              </Link>
            </li>
            <li>
              <Link className={footerLink} to="/municipalities">
                {t('nav.municipalities')}
              </Link>
            </li>
            <li>
              <Link className={footerLink} to="/declarations">
                {t('nav.declarations')}
              </Link>
            </li>
            <li>
              <Link className={footerLink} to="/open-data">
                {t('openData.nav')}
              </Link>
            </li>
            <li>
              <Link className={footerLink} to="/join">
                {t('join.nav')}
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

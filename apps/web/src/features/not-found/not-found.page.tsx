import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { pageTitle } from '../../shared/ui-classes';
import { usePageTitle } from '../../shared/use-page-title';

export function NotFoundPage() {
  const { t } = useTranslation();
  usePageTitle(t('notFound.title'));
  return (
    <div>
      <h1 className={pageTitle}>{t('notFound.title')}</h1>
      <p className="mt-4 text-std-16N-170">{t('notFound.body')}</p>
      <p className="mt-6">
        <Link to="/" className="link-text">
          {t('notFound.home')}
        </Link>
      </p>
    </div>
  );
}

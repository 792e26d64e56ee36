import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { sectionTitle } from '../../shared/ui-classes';

/** The home page's way into 先行事例を探す and ネットワークの状況. */
export function HomeFinderCard() {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="home-precedents">
      <h2 id="home-precedents" className={sectionTitle}>
        {t('precedents.homeSection')}
      </h2>
      <div className="mt-4 grid gap-4 md:grid-cols-2">
        <div className="rounded-12 border-2 border-blue-900 bg-white p-6">
          <h3 className="text-std-20B-150 text-solid-gray-900">{t('precedents.homeTitle')}</h3>
          <p className="mt-2 text-std-16N-170">{t('precedents.homeBody')}</p>
          <p className="mt-4">
            <Link to="/precedents" className="link-text text-std-17B-170">
              {t('precedents.homeLink')}
            </Link>
          </p>
        </div>
        <div className="rounded-12 border border-solid-gray-420 bg-white p-6">
          <h3 className="text-std-20B-150 text-solid-gray-900">{t('dashboard.homeTitle')}</h3>
          <p className="mt-2 text-std-16N-170">{t('dashboard.homeBody')}</p>
          <p className="mt-4 flex flex-wrap gap-x-6 gap-y-2">
            <Link to="/dashboard" className="link-text text-std-17B-170">
              {t('dashboard.homeLink')}
            </Link>
            <Link to="/open-data" className="link-text text-std-17B-170">
              {t('openData.homeLink')}
            </Link>
          </p>
        </div>
      </div>
    </section>
  );
}

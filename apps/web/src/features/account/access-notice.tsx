import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router-dom';
import { loginPath } from '../auth/redirect';

/** What a page for signed-in people (or the staff) says to someone it is not for. */
export function AccessNotice({ reason }: { reason: 'signIn' | 'staffOnly' }) {
  const { t } = useTranslation();
  const location = useLocation();
  return (
    <div className="mt-6 rounded-12 border border-solid-gray-420 bg-solid-gray-50 p-4 md:p-6">
      <p className="text-std-16N-170">{reason === 'signIn' ? t('access.signIn') : t('access.staffOnly')}</p>
      {reason === 'signIn' && (
        <p className="mt-2 text-std-16N-170">
          <Link className="link-text" to={loginPath(location.pathname + location.search)}>
            {t('nav.login')}
          </Link>
        </p>
      )}
    </div>
  );
}

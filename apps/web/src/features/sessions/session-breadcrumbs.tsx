import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';

/** ホーム › 定期共有会 › (the session) [› current]. */
export function SessionBreadcrumbs({
  current,
  session,
}: {
  current: string;
  session?: { id: string; title: string };
}) {
  const { t } = useTranslation();
  const separator = (
    <span aria-hidden="true" className="ml-2 text-solid-gray-600">
      ›
    </span>
  );
  return (
    <nav aria-label={t('sessions.breadcrumb')} className="mb-6">
      <ol className="flex flex-wrap items-center gap-2 text-std-16N-170">
        <li>
          <Link to="/" className="link-text">
            {t('nav.home')}
          </Link>
          {separator}
        </li>
        <li>
          <Link to="/sessions" className="link-text">
            {t('sessions.nav')}
          </Link>
          {separator}
        </li>
        {session && (
          <li>
            <Link to={`/sessions/${session.id}`} className="link-text">
              <span lang="ja">{session.title}</span>
            </Link>
            {separator}
          </li>
        )}
        <li aria-current="page">{current}</li>
      </ol>
    </nav>
  );
}

import { useTranslation } from 'react-i18next';
import { Breadcrumbs } from '../../shared/breadcrumbs';

/** ホーム › 定期共有会 › (the session) [› current]. */
export function SessionBreadcrumbs({
  current,
  session,
}: {
  current: string;
  session?: { id: string; title: string };
}) {
  const { t } = useTranslation();
  return (
    <Breadcrumbs
      label={t('sessions.breadcrumb')}
      links={[
        { to: '/', text: t('nav.home') },
        { to: '/sessions', text: t('sessions.nav') },
        ...(session ? [{ to: `/sessions/${session.id}`, text: <span lang="ja">{session.title}</span> }] : []),
      ]}
      current={current}
    />
  );
}

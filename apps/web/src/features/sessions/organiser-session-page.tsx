import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice, Loading } from '../../shared/status';
import { pageTitle } from '../../shared/ui-classes';
import { usePageTitle } from '../../shared/use-page-title';
import { SessionBreadcrumbs } from './session-breadcrumbs';

/**
 * The frame of an organiser's page about one session (運営コンソール, 集計): the breadcrumbs, the heading, the
 * document title (with the session's once it is known), and, instead of the page's own body, "loading" while
 * the user is not known yet and 「運営者のみ」 to anyone but an organiser.
 */
export function OrganiserSessionPage({
  title,
  session,
  userLoading,
  organiser,
  children,
}: {
  title: string;
  session: { id: string; title: string } | null | undefined;
  userLoading: boolean;
  organiser: boolean;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  usePageTitle(session ? t('app.titleWithSubject', { label: title, subject: session.title }) : title);
  return (
    <div>
      <SessionBreadcrumbs current={title} session={session ?? undefined} />
      <h1 className={pageTitle}>{title}</h1>
      {userLoading ? (
        <Loading />
      ) : !organiser ? (
        <ErrorNotice message={t('sessions.console.organisersOnly')} />
      ) : (
        children
      )}
    </div>
  );
}

import { useEffect, useId, useRef, useState } from 'react';
import { useApolloClient, useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router-dom';
import { LogoutDocument } from '../graphql/generated/graphql';
import { isOrganiser, type CurrentUser } from '../features/auth/use-current-user';
import { expectSignOut } from '../features/auth/session-watch';
import { apiProblem, problemMessage } from '../shared/errors';
import { flashState } from '../shared/flash';
import { focusPageHeadingSoon } from '../shared/focus-heading';
import { roleLabel } from '../shared/domain-labels';
import { municipalityName } from '../features/municipalities/labels';
import { currentLanguage } from '../i18n/i18n';
import { buttonOutline, buttonSmallOutline } from '../shared/ui-classes';
import { JA, withJapanese } from '../shared/japanese';

/** Where a signed-in person manages accounts: their own, and for the staff everyone's; officers their colleagues. */
type AccountLinkKey =
  | 'userMenu.account'
  | 'userMenu.people'
  | 'userMenu.applications'
  | 'userMenu.auditLog'
  | 'userMenu.settings'
  | 'userMenu.colleagues'
  | 'userMenu.watching';

function accountLinks(user: CurrentUser): { to: string; key: AccountLinkKey }[] {
  const links: { to: string; key: AccountLinkKey }[] = [
    { to: '/account', key: 'userMenu.account' },
    { to: '/account/watching', key: 'userMenu.watching' },
  ];
  if (isOrganiser(user)) {
    links.push(
      { to: '/people', key: 'userMenu.people' },
      { to: '/admin/applications', key: 'userMenu.applications' },
      { to: '/admin/audit-log', key: 'userMenu.auditLog' },
      { to: '/admin/settings', key: 'userMenu.settings' },
    );
  } else if (user.role === 'OFFICER') {
    links.push({ to: '/people', key: 'userMenu.colleagues' });
  }
  return links;
}

/** The signed-in user's name and role, with the logout action, in a disclosure menu. */
export function UserMenu({ user }: { user: CurrentUser }) {
  const { t } = useTranslation();
  const client = useApolloClient();
  const navigate = useNavigate();
  const location = useLocation();
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string>();
  const [logout, { loading }] = useMutation(LogoutDocument);
  const panelId = useId();
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const role = roleLabel(user.role, currentLanguage());

  useEffect(() => {
    if (!open) return;
    const onPointerDown = (event: PointerEvent) => {
      if (!rootRef.current?.contains(event.target as Node)) setOpen(false);
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        setOpen(false);
        buttonRef.current?.focus();
      }
    };
    document.addEventListener('pointerdown', onPointerDown);
    document.addEventListener('keydown', onKeyDown);
    return () => {
      document.removeEventListener('pointerdown', onPointerDown);
      document.removeEventListener('keydown', onKeyDown);
    };
  }, [open]);

  // Close the menu when the page changes.
  useEffect(() => setOpen(false), [location.pathname]);

  async function onLogout() {
    setError(undefined);
    try {
      expectSignOut();
      await logout();
      // Forget everything cached under the old session and refetch what is on screen as a visitor. The
      // logout has happened whatever becomes of that refetch (a query torn down by the re-render rejects it).
      await client.resetStore().catch(() => undefined);
      setOpen(false);
      void navigate(location.pathname + location.search, { replace: true, state: flashState('loggedOut') });
      // The menu button focus was on is gone with the session; without this the next Tab starts at the top.
      focusPageHeadingSoon();
    } catch (caught) {
      setError(problemMessage(apiProblem(caught), t));
    }
  }

  return (
    <div
      ref={rootRef}
      className="relative"
      onBlur={(event) => {
        // Tabbing out of the menu closes it: left open, the panel covered the links focus moved to.
        const next = event.relatedTarget;
        if (next instanceof Node && !event.currentTarget.contains(next)) setOpen(false);
      }}
    >
      <button
        ref={buttonRef}
        type="button"
        className={`${buttonSmallOutline} max-w-[min(24rem,calc(100vw-2rem))]`}
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((value) => !value)}
      >
        <span className="truncate">{withJapanese(t('userMenu.button', { name: JA, role }), user.name)}</span>
        <svg aria-hidden="true" viewBox="0 0 16 16" className={`size-4 shrink-0 ${open ? 'rotate-180' : ''}`}>
          <path fill="currentColor" d="M8 11.4 2.3 5.7l1.1-1.1L8 9.2l4.6-4.6 1.1 1.1z" />
        </svg>
      </button>
      <div
        id={panelId}
        hidden={!open}
        className="absolute right-0 z-20 mt-2 w-72 rounded-12 border border-solid-gray-420 bg-white p-4 shadow-2"
      >
        <p className="text-std-16N-170 text-solid-gray-700">{t('userMenu.signedInAs')}</p>
        <p lang="ja" className="text-std-17B-170 text-solid-gray-900">
          {user.name}
        </p>
        <p className="text-std-16N-170">{role}</p>
        <p className="break-all text-std-16N-170 text-solid-gray-700">{user.email}</p>
        {user.municipality && (
          <p className="mt-2 text-std-16N-170">
            <Link className="link-text" to={`/municipalities/${user.municipality.code}`}>
              {t('userMenu.municipality', {
                name: municipalityName(user.municipality, currentLanguage()),
              })}
            </Link>
          </p>
        )}
        <nav aria-label={t('userMenu.accountNav')} className="mt-3 border-t border-solid-gray-420 pt-2">
          <ul className="flex flex-col">
            {accountLinks(user).map((item) => (
              <li key={item.to}>
                <Link className="link-text inline-flex min-h-11 items-center text-std-16N-170" to={item.to}>
                  {t(item.key)}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        {error && (
          <p role="alert" className="mt-2 text-std-16B-170 text-error-2">
            {error}
          </p>
        )}
        <button
          type="button"
          className={`${buttonOutline} mt-4 w-full`}
          onClick={() => void onLogout()}
          disabled={loading}
        >
          {loading ? t('userMenu.loggingOut') : t('userMenu.logout')}
        </button>
      </div>
    </div>
  );
}

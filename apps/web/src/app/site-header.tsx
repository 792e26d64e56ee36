import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router-dom';
import { loginPath } from '../features/auth/redirect';
import { municipalityName } from '../features/municipalities/labels';
import { currentLanguage } from '../i18n/i18n';
import { useCurrentUser } from '../features/auth/use-current-user';
import { container } from '../shared/ui-classes';
import { LanguageSwitcher } from './language-switcher';
import { UserMenu } from './user-menu';

const navItems = [
  { to: '/', key: 'nav.home', end: true, officersOnly: false },
  { to: '/cases', key: 'nav.cases', end: false, officersOnly: false },
  { to: '/my/cases', key: 'nav.myCases', end: false, officersOnly: true },
  { to: '/precedents', key: 'precedents.nav', end: false, officersOnly: false },
  { to: '/sessions', key: 'sessions.nav', end: false, officersOnly: false },
  { to: '/municipalities', key: 'nav.municipalities', end: false, officersOnly: false },
  { to: '/declarations', key: 'nav.declarations', end: false, officersOnly: false },
  { to: '/dashboard', key: 'dashboard.nav', end: false, officersOnly: false },
] as const;

export function SiteHeader() {
  const { t } = useTranslation();
  const { user, loading } = useCurrentUser();
  const location = useLocation();
  const onLoginPage = location.pathname === '/login';
  // Writing or editing a case belongs to 自治体の事例, not to 事例を探す.
  const inEditor = /^\/cases\/(new|[^/]+\/edit)$/.test(location.pathname);
  const isActive = (to: string, end: boolean) => {
    const path = location.pathname;
    if (to === '/cases' && inEditor) return false;
    if (to === '/my/cases' && inEditor) return true;
    return end ? path === to : path === to || path.startsWith(`${to}/`);
  };

  return (
    <header className="border-b border-solid-gray-420 bg-white">
      <div className={`${container} flex flex-wrap items-center justify-between gap-x-6 gap-y-3 py-3`}>
        <Link to="/" className="group flex min-h-11 items-baseline gap-2 rounded-4 no-underline">
          <span className="shrink-0 whitespace-nowrap text-std-28B-150 text-blue-900">{t('app.name')}</span>
          <span className="hidden text-std-16N-170 text-solid-gray-700 group-hover:underline sm:inline">
            {t('app.tagline')}
          </span>
        </Link>
        <div className="flex flex-wrap items-center gap-3">
          <LanguageSwitcher />
          {user ? (
            <UserMenu user={user} />
          ) : (
            !loading &&
            !onLoginPage && (
              <Link
                to={loginPath(location.pathname + location.search)}
                className="inline-flex min-h-11 items-center rounded-6 md:min-h-9 border-4 border-double border-transparent bg-blue-900 px-3 text-oln-16B-100 text-white hover:bg-blue-1000 hover:underline"
              >
                {t('nav.login')}
              </Link>
            )
          )}
        </div>
      </div>
      <nav aria-label={t('a11y.mainNav')} className="border-t border-solid-gray-200 bg-solid-gray-50">
        <ul className={`${container} flex flex-wrap gap-x-2`}>
          {navItems
            .filter((item) => !item.officersOnly || user?.role === 'OFFICER')
            .map((item) => {
              const active = isActive(item.to, item.end);
              return (
                <li key={item.to}>
                  <Link
                    to={item.to}
                    aria-current={active ? 'page' : undefined}
                    className={`inline-block border-b-4 px-3 py-3 text-oln-16B-100 hover:underline ${
                      active ? 'border-blue-900 text-blue-1000' : 'border-transparent text-solid-gray-800'
                    }`}
                  >
                    {item.key === 'nav.myCases'
                      ? // Whose cases: 「北九州市の事例」, not a vague 「自治体の事例」.
                        user?.municipality
                        ? t('nav.myCases', { name: municipalityName(user.municipality, currentLanguage()) })
                        : t('nav.myCasesUnnamed')
                      : t(item.key)}
                  </Link>
                </li>
              );
            })}
        </ul>
      </nav>
    </header>
  );
}

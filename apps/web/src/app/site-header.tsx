import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router-dom';
import { loginPath } from '../features/auth/redirect';
import { municipalityName } from '../features/municipalities/labels';
import { currentLanguage } from '../i18n/i18n';
import { useCurrentUser } from '../features/auth/use-current-user';
import { buttonSmallOutline, container } from '../shared/ui-classes';
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
  // Phones: the navigation and the language choice fold behind 「メニュー」 (a disclosure), so that the
  // header is one row instead of ≈ 250 px of every page; from md up everything is shown as before.
  const [menuOpen, setMenuOpen] = useState(false);
  const headerRef = useRef<HTMLElement>(null);
  const menuButtonRef = useRef<HTMLButtonElement>(null);
  useEffect(() => setMenuOpen(false), [location.pathname]);
  useEffect(() => {
    if (!menuOpen) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      // An open user menu closes first (its own Escape); the next Escape closes this one.
      if (headerRef.current?.querySelector('[aria-expanded="true"]:not([data-site-menu-button])')) return;
      setMenuOpen(false);
      menuButtonRef.current?.focus();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [menuOpen]);
  // Writing or editing a case belongs to 自治体の事例, not to 事例を探す.
  const inEditor = /^\/cases\/(new|[^/]+\/edit)$/.test(location.pathname);
  const isActive = (to: string, end: boolean) => {
    const path = location.pathname;
    if (to === '/cases' && inEditor) return false;
    if (to === '/my/cases' && inEditor) return true;
    return end ? path === to : path === to || path.startsWith(`${to}/`);
  };

  return (
    <header ref={headerRef} className="border-b border-solid-gray-420 bg-white">
      <div
        className={`${container} flex flex-nowrap items-center justify-between gap-x-3 gap-y-3 py-3 md:flex-wrap md:gap-x-6`}
      >
        <Link to="/" className="group flex min-h-11 items-baseline gap-2 rounded-4 no-underline">
          <span className="shrink-0 whitespace-nowrap text-std-28B-150 text-blue-900">{t('app.name')}</span>
          <span className="hidden text-std-16N-170 text-solid-gray-700 group-hover:underline sm:inline">
            {t('app.tagline')}
          </span>
        </Link>
        <div className="flex min-w-0 items-center gap-2 md:flex-wrap md:gap-3">
          <div className="hidden md:flex">
            <LanguageSwitcher />
          </div>
          {user ? (
            // The user-menu button may be no wider than what is left beside the logo and 「メニュー」 (its
            // name is cut with …): its own max-width allowed 343 px, which scrolled a 375 px page sideways.
            <div className="min-w-0 [&>div>button]:max-w-full">
              <UserMenu user={user} />
            </div>
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
          <button
            ref={menuButtonRef}
            type="button"
            data-site-menu-button
            className={`${buttonSmallOutline} min-w-11 shrink-0 md:hidden`}
            aria-expanded={menuOpen}
            aria-controls="site-menu"
            onClick={() => setMenuOpen((open) => !open)}
          >
            <svg aria-hidden="true" viewBox="0 0 24 24" className="size-5 shrink-0">
              <path
                fill="currentColor"
                d={
                  menuOpen
                    ? 'M6.4 19 5 17.6 10.6 12 5 6.4 6.4 5 12 10.6 17.6 5 19 6.4 13.4 12 19 17.6 17.6 19 12 13.4z'
                    : 'M3 18v-2h18v2zm0-5v-2h18v2zm0-5V6h18v2z'
                }
              />
            </svg>
            {t('nav.menu')}
          </button>
        </div>
      </div>
      <div id="site-menu" className={menuOpen ? 'block' : 'hidden md:block'}>
        <nav aria-label={t('a11y.mainNav')} className="border-t border-solid-gray-200 bg-solid-gray-50">
          <ul className={`${container} flex flex-col md:flex-row md:flex-wrap md:gap-x-2`}>
            {navItems
              .filter((item) => !item.officersOnly || user?.role === 'OFFICER')
              .map((item) => {
                const active = isActive(item.to, item.end);
                return (
                  <li key={item.to}>
                    <Link
                      to={item.to}
                      aria-current={active ? 'page' : undefined}
                      // The next page may take a moment to load (pages load on demand): fold the menu now.
                      onClick={() => setMenuOpen(false)}
                      className={`flex min-h-11 items-center border-b-4 px-3 py-3 text-oln-16B-100 hover:underline md:inline-block md:min-h-0 ${
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
        <div className={`${container} border-t border-solid-gray-200 py-3 md:hidden`}>
          <LanguageSwitcher />
        </div>
      </div>
    </header>
  );
}

import { Suspense, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation, useNavigate } from 'react-router-dom';
import { useFlash, type Flash } from '../shared/flash';
import { Loading, SuccessNotice } from '../shared/status';
import { container } from '../shared/ui-classes';
import { SessionWatch } from '../features/auth/session-watch';
import { SiteFooter } from './site-footer';
import { SiteHeader } from './site-header';

export function AppLayout() {
  const { t } = useTranslation();
  const location = useLocation();
  const mainRef = useRef<HTMLElement>(null);
  const firstRender = useRef(true);
  const navigate = useNavigate();
  const incomingFlash = useFlash();
  const [flash, setFlash] = useState<Flash>();
  const lastPathname = useRef(location.pathname);

  // A flash message belongs to the page it was sent to: drop it when the page changes...
  useEffect(() => {
    if (lastPathname.current === location.pathname) return;
    lastPathname.current = location.pathname;
    setFlash(undefined);
  }, [location.pathname]);

  // ...and take it out of the history entry once shown, so that a reload does not repeat it.
  useEffect(() => {
    if (!incomingFlash) return;
    setFlash(incomingFlash);
    // Effects run after paint: a link clicked in between (「ホーム」 right after logging in) has already
    // moved the browser on, and replacing "this" entry would now undo that click.
    // (Compared as the browser writes URLs: the router may hold ?q=人材育成 where the address bar has %E4….)
    const shown = new URL(location.pathname + location.search, window.location.origin);
    if (window.location.pathname !== shown.pathname || window.location.search !== shown.search) return;
    void navigate(
      { pathname: location.pathname, search: location.search, hash: location.hash },
      { replace: true, state: null },
    );
  }, [incomingFlash, location.pathname, location.search, location.hash, navigate]);

  // After client-side navigation, move focus to the new page's content, as a full page load would
  // put a screen reader at the top of the document; the skip link works the same way.
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    const main = mainRef.current;
    if (!main) return;
    const heading = main.querySelector<HTMLElement>('h1');
    if (heading) {
      heading.tabIndex = -1;
      heading.focus({ preventScroll: true });
    } else {
      main.focus({ preventScroll: true });
    }
    window.scrollTo(0, 0);
  }, [location.pathname]);

  return (
    <div className="flex min-h-screen flex-col">
      <a
        href="#main"
        className="sr-only z-50 bg-yellow-300 px-4 py-3 text-oln-16B-100 text-solid-gray-900 underline focus:not-sr-only focus:fixed focus:top-2 focus:left-2"
      >
        {t('a11y.skipToContent')}
      </a>
      <SiteHeader />
      <SessionWatch />
      <main id="main" ref={mainRef} tabIndex={-1} className={`${container} flex-1 py-8 md:py-10`}>
        {/* 「ログインしました。」 and other flashes after a navigation (the notice's live region is always there). */}
        <SuccessNotice
          message={flash ? t(`flash.${flash.key}`, { name: flash.name ?? '' }) : null}
          onClose={() => setFlash(undefined)}
        />
        {/* Pages are loaded on demand (app-router.tsx): 「読み込み中です…」 until the first one arrives. */}
        <Suspense fallback={<Loading />}>
          <Outlet />
        </Suspense>
      </main>
      <SiteFooter />
    </div>
  );
}

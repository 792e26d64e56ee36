import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage, type Language } from '../../i18n/i18n';
import { buttonSmallOutline } from '../../shared/ui-classes';

/** Today in Japan, as an official writes it on a 決裁: 令和8年12月6日 (English: 6 December 2026). */
export function printDate(date: Date, language: Language): string {
  if (language === 'ja') {
    return new Intl.DateTimeFormat('ja-JP-u-ca-japanese', {
      era: 'long',
      year: 'numeric',
      month: 'long',
      day: 'numeric',
      timeZone: 'Asia/Tokyo',
    }).format(date);
  }
  return `${new Intl.DateTimeFormat('en-GB', { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'Asia/Tokyo' }).format(date)} (JST)`;
}

/** 「印刷する」: the browser's print dialog; the print stylesheet (styles.css) makes the page an A4 document. */
export function PrintButton({ className = '' }: { className?: string }) {
  const { t } = useTranslation();
  return (
    <button type="button" className={`${buttonSmallOutline} ${className}`} onClick={() => window.print()}>
      {t('print.button')}
    </button>
  );
}

/**
 * The printed page's footer (on every sheet): where the page lives and when it was printed, so a printout
 * attached to a 決裁 can be traced back. Hidden on screen.
 */
export function PrintFooter() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    // A page left open for days prints the day it is printed.
    const refresh = () => setNow(new Date());
    window.addEventListener('beforeprint', refresh);
    return () => window.removeEventListener('beforeprint', refresh);
  }, []);
  return (
    <div data-print-footer="" className="hidden print:block" aria-hidden="true">
      <span>{t('print.url', { url: window.location.href })}</span>
      <span>{t('print.date', { date: printDate(now, language) })}</span>
    </div>
  );
}

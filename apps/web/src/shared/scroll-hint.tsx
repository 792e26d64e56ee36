import { useEffect, useState, type CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * Whether a scroll box is narrower than what it holds (a table on a phone). Measured, not guessed from the
 * screen width: the same table fits at 768 px in Japanese and not in English.
 */
export function useHorizontalOverflow<T extends HTMLElement>() {
  // A callback ref: the box may come and go (a filter that leaves no rows) after the first render.
  const [box, setBox] = useState<T | null>(null);
  const [overflows, setOverflows] = useState(false);
  useEffect(() => {
    if (!box) {
      setOverflows(false);
      return;
    }
    const check = () => setOverflows(box.scrollWidth > box.clientWidth + 1);
    check();
    const observer = new ResizeObserver(check);
    observer.observe(box);
    if (box.firstElementChild) observer.observe(box.firstElementChild);
    return () => observer.disconnect();
  }, [box]);
  return { ref: setBox, overflows };
}

/**
 * Shadows on the edges that have more to scroll to (the white covers scroll with the content, the shadows
 * stay with the box), so a column cut off at the edge is seen to go on. The content must have no background.
 */
export const scrollShadows: CSSProperties = {
  background: [
    'linear-gradient(to right, #fff 30%, rgb(255 255 255 / 0)) left center / 2.5rem 100% no-repeat local',
    'linear-gradient(to left, #fff 30%, rgb(255 255 255 / 0)) right center / 2.5rem 100% no-repeat local',
    'radial-gradient(farthest-side at 0 50%, rgb(0 0 0 / 0.25), rgb(0 0 0 / 0)) left center / 0.875rem 100% no-repeat scroll',
    'radial-gradient(farthest-side at 100% 50%, rgb(0 0 0 / 0.25), rgb(0 0 0 / 0)) right center / 0.875rem 100% no-repeat scroll',
  ].join(', '),
};

/** 「横にスクロールできます」 above a table that does not fit, for sighted and screen-reader users alike. */
export function ScrollHint({ id, show }: { id: string; show: boolean }) {
  const { t } = useTranslation();
  if (!show) return null;
  return (
    <p id={id} className="mt-2 flex items-center gap-1 text-std-16N-170 text-solid-gray-700">
      <span aria-hidden="true">↔</span>
      {t('common.scrollSideways')}
    </p>
  );
}

/**
 * After an action that stays on the page but removes the control it came from (a dialog's opener, a
 * submitted form), focus would fall back to <body> and the next Tab would start at the top of the
 * document. Put it on the page heading instead, as after navigation, once the page has re-rendered and
 * any modal dialog has closed (while one is open, the rest of the page cannot take focus).
 */
export function focusPageHeadingSoon(attempt = 0): void {
  window.setTimeout(() => {
    if (document.querySelector('dialog[open]') && attempt < 40) {
      focusPageHeadingSoon(attempt + 1);
      return;
    }
    const heading = document.querySelector<HTMLElement>('main h1');
    if (!heading) return;
    heading.tabIndex = -1;
    heading.focus({ preventScroll: true });
  }, 25);
}

import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
// eslint-disable-next-line @nx/enforce-module-boundaries -- a module made by the build (apps/web/vite.config.ts)
import firstLoadTexts from 'virtual:yokoten/ja-first-load';
import type ja from './ja.json';

export const LANGUAGES = ['ja', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

type Texts = typeof ja;

/**
 * What a first visit downloads: the Japanese texts of the layout and the home page only (picked at build time
 * from the code that loads with the app: `splitJapaneseTexts` in apps/web/vite.config.ts); every other page
 * brings the texts its code names in its own chunk (addPageTexts). The rest of Japanese is one chunk fetched only
 * if a key is missing all the same. Every other language is one chunk, downloaded when chosen: most visitors
 * never choose English, and both translations were ≈ 50 kB of every first visit, compressed.
 */
const LOADERS: Record<Language, () => Promise<Texts>> = {
  // The rest of Japanese: merged into the first load's texts, it makes all of ja.json.
  // eslint-disable-next-line @nx/enforce-module-boundaries -- made by the build, as above
  ja: () => import('virtual:yokoten/ja-rest').then((module) => module.default as Texts),
  // Every Japanese key must exist in English too: `Texts` fails to compile otherwise.
  en: () => import('./en.json').then((module): Texts => module.default),
};
const loaded = new Map<Language, Promise<void>>();
const complete = new Set<Language>();

const STORAGE_KEY = 'yokoten.lang';

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

function storedLanguage(): Language {
  try {
    const stored = window.localStorage.getItem(STORAGE_KEY);
    if (isLanguage(stored)) return stored;
  } catch {
    // Storage can be disabled by policy on municipal PCs; Japanese is the default anyway.
  }
  return 'ja';
}

function applyLanguage(language: string): void {
  document.documentElement.lang = language;
  try {
    window.localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // see storedLanguage
  }
}

/** Downloads all of a language's texts once; resolves when i18next has them. */
export function loadLanguage(language: Language): Promise<void> {
  let loading = loaded.get(language);
  if (!loading) {
    loading = LOADERS[language]().then((texts) => {
      i18n.addResourceBundle(language, 'translation', texts, true, true);
      complete.add(language);
    });
    // A failed download (a dropped connection) is tried again next time.
    loading.catch(() => loaded.delete(language));
    loaded.set(language, loading);
  }
  return loading;
}

/** All texts of the current language and of Japanese, the fallback. */
export function loadAllTexts(): Promise<void> {
  return Promise.all([loadLanguage('ja'), loadLanguage(currentLanguage())]).then(() => undefined);
}

/**
 * What a lazily loaded page needs besides its code: in Japanese nothing (its own texts come in its chunk, see
 * addPageTexts), in another language all of that language's texts.
 */
export function loadPageTexts(): Promise<void> {
  const language = currentLanguage();
  return language === 'ja' ? Promise.resolve() : loadLanguage(language);
}

/** A page's own Japanese texts, picked at build time and bundled with its code; called when its chunk runs. */
export function addPageTexts(texts: Record<string, unknown>): void {
  i18n.addResourceBundle('ja', 'translation', texts, true, false);
}

/**
 * Switches the screen's language: the current one stays until the other's texts are here, then every
 * text changes at once (no keys and no mix of languages on screen). Use this, not i18n.changeLanguage.
 */
export async function changeLanguage(language: Language): Promise<void> {
  // Japanese: the texts loaded so far are those of the pages seen so far (every other page loads all).
  if (language !== 'ja') await loadLanguage(language);
  await i18n.changeLanguage(language);
}

const initialLanguage = storedLanguage();
void i18n.use(initReactI18next).init({
  resources: { ja: { translation: firstLoadTexts } },
  // English is switched to once its texts are here (i18nReady): until then nothing is rendered.
  lng: 'ja',
  fallbackLng: 'ja',
  supportedLngs: LANGUAGES,
  interpolation: { escapeValue: false }, // React escapes already
  // A key the first load's texts lack (the build did not see it named in that code): fetch all of them, and
  // the screen re-renders when they arrive. Logged, so the browser tests and bench:web notice.
  saveMissing: true,
  missingKeyHandler: (_languages, _namespace, key) => {
    if (complete.has('ja')) return; // not a text at all: the caller's defaultValue is meant
    console.error(`i18n: "${key}" is not in the texts loaded so far`);
    void loadAllTexts();
  },
  // Re-render when a language's texts arrive (a direct i18n.changeLanguage('en') shows Japanese until then).
  react: { bindI18nStore: 'added' },
  initAsync: false,
});

document.documentElement.lang = i18n.language;
i18n.on('languageChanged', (language) => {
  applyLanguage(language);
  if (isLanguage(language) && language !== 'ja') void loadLanguage(language);
});

/** Resolves when the stored language's texts are ready: main.tsx renders the app after it. */
export const i18nReady: Promise<void> =
  initialLanguage === 'ja' ? Promise.resolve() : changeLanguage(initialLanguage).catch(() => undefined);

export function currentLanguage(): Language {
  return isLanguage(i18n.language) ? i18n.language : 'ja';
}

export default i18n;

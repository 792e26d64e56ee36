import { createInstance } from 'i18next';
import ja from '../i18n/ja.json';

/**
 * For unit specs: `t` over the Japanese texts, set up as the app sets i18next up (no HTML escaping: React
 * escapes), so a spec asserts the message a person reads. Not imported by the app.
 */
const i18n = createInstance();
void i18n.init({ lng: 'ja', resources: { ja: { translation: ja } }, interpolation: { escapeValue: false } });
export const t = i18n.t;

/**
 * The one place the extension touches `webextension-polyfill`. Firefox and Chrome 148+ have the
 * promise-based `browser` namespace natively, and the polyfill then hands that object back untouched
 * (its wrapping code is never run). Everything else imports `browser` from here.
 */
import polyfill from 'webextension-polyfill';

export type Browser = typeof polyfill;

export const browser: Browser = polyfill;
export type { Runtime, Storage } from 'webextension-polyfill';

import { render, type ComponentType } from 'preact';
import { browser } from '../platform/browser';
import type { MessageKey } from '../platform/i18n';

/** Start an extension page: its language and title from the catalogue, then its app in #app. */
export function mountPage(App: ComponentType, titleKey: MessageKey): void {
  document.documentElement.lang = browser.i18n.getUILanguage();
  document.title = browser.i18n.getMessage(titleKey);
  const root = document.getElementById('app');
  if (root) render(<App />, root);
}

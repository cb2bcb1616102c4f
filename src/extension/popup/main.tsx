import { render } from 'preact';
import { browser } from '../browser';
import { App } from './App';

document.documentElement.lang = browser.i18n.getUILanguage();
document.title = browser.i18n.getMessage('extName');
const root = document.getElementById('app');
if (root) render(<App />, root);

import { render } from 'preact';
import { browser } from '../browser';
import { OptionsApp } from './OptionsApp';

document.documentElement.lang = browser.i18n.getUILanguage();
document.title = browser.i18n.getMessage('optionsTitle');
const root = document.getElementById('app');
if (root) render(<OptionsApp />, root);

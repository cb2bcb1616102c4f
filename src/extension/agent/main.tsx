import { render } from 'preact';
import { browser } from '../browser';
import { AgentApp } from './AgentApp';

document.documentElement.lang = browser.i18n.getUILanguage();
document.title = browser.i18n.getMessage('agentTitle');
const root = document.getElementById('app');
if (root) render(<AgentApp />, root);

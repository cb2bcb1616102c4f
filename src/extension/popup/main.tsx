import { mountPage } from '../ui/mount';
import { App } from './App';

mountPage(App, 'extName');

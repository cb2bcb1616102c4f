import { mountPage } from '../ui/mount';
import { OptionsApp } from './OptionsApp';

mountPage(OptionsApp, 'optionsTitle');

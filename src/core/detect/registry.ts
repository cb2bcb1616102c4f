/**
 * Every page detector, in the order they run. Adding one: a file in this folder, a line here, and a
 * fixture in test/fixtures/pages/ that it fires on (test/unit/detect-detectors.test.ts checks both).
 */
import { accountArea } from './account-area';
import { accountForm } from './account-form';
import { helpArticle } from './article';
import { nearMiss } from './near-miss';
import { portBlocked } from './port-blocked';
import { settingsTable } from './settings-table';
import { signedIn } from './signed-in';
import type { Detector } from './types';

export const DETECTORS: readonly Detector[] = [helpArticle, portBlocked, accountArea, accountForm, settingsTable, signedIn, nearMiss];

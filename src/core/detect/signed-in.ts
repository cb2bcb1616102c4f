/**
 * Whether the page belongs to someone's account rather than to a public help site: a sign-out control,
 * an account-area URL, the user's own address in the headline. Step-by-step instructions count against.
 */
import { isHelpUrl } from './topic';
import type { Detector, Evidence } from './types';
import { EMAIL_ADDRESS, STEP_VERB, countMatches } from './vocabulary';

/** Account areas: settings routes, control panels (cPanel session paths, Plesk ports), "my account" hosts. */
const ACCOUNT_URL =
  /[?&]_task=settings|\/cpsess\d+|:(?:2083|2096|8443)\/|\/(?:settings|preferences|options|account|accounts|konto|cuenta|compte|conta|ajustes|einstellungen|parametres|instellingen|impostazioni|configuracoes|mail-settings|clientarea|dashboard|panel|smb)(?:[/?#]|$)|^[a-z]+:\/\/(?:mijn|my|minhaconta|minha-conta|areaclienti|kundencenter|espaceclient|espace-client|app|panel|cp|webmail|correo|mail)\./i;

export function isAccountUrl(url: string): boolean {
  return ACCOUNT_URL.test(url);
}

export const signedIn: Detector = {
  id: 'signed-in',
  target: 'account',
  detect(facts): Evidence {
    const signals: string[] = [];
    let score = 0;
    if (facts.signOut) {
      score += 0.2;
      signals.push('account:sign-out');
    }
    if (isAccountUrl(facts.url)) {
      score += 0.15;
      signals.push('url:account');
    }
    if (EMAIL_ADDRESS.test(`${facts.title}\n${facts.mainHeading}`)) {
      score += 0.1;
      signals.push('account:address-in-title');
    }
    const steps = countMatches(STEP_VERB, facts.text);
    if (steps >= 3 || isHelpUrl(facts.url)) {
      score -= 0.3;
      signals.push('account:reads-like-help');
    }
    return { score, signals };
  },
};

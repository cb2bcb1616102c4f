/**
 * Each detector on the fixtures it is written for, and on near misses it must stay quiet on;
 * plus the registry meta-test (unique ids, every detector fires on at least one fixture).
 */
import { describe, expect, it } from 'vitest';
import { detectClient } from '../../src/core/detect/client-id';
import { extractSettings } from '../../src/core/detect/extract';
import { gatherFacts } from '../../src/core/detect/facts';
import { DETECTORS } from '../../src/core/detect/registry';
import type { Evidence } from '../../src/core/detect/types';
import { loadPage } from '../fixtures/pages/corpus';

function run(detectorId: string, file: string): Evidence {
  const detector = DETECTORS.find((candidate) => candidate.id === detectorId);
  if (!detector) throw new Error(`no detector ${detectorId}`);
  const { document, url } = loadPage(file);
  const facts = gatherFacts(document, url);
  return detector.detect(facts, extractSettings(facts).settings);
}

/** Per detector: fixtures where it must add evidence, and fixtures where it must add none. */
const CASES: Record<string, { fires: string[]; quiet: string[] }> = {
  article: {
    fires: ['en-isp-outlook-change-smtp-port.html', 'de-uni-thunderbird-smtp.html', 'fr-apple-mail-serveur-smtp.html', 'pt-samsung-email-smtp.html', 'en-faq-accordion-outgoing-settings.html'],
    quiet: ['en-recipe-blog.html', 'it-blog-viaggi.html'],
  },
  'port-25-blocked': {
    fires: ['en-isp-port-25-blocked.html', 'es-puerto-25-bloqueado.html', 'de-port-25-gesperrt.html', 'fr-port-25-bloque.html', 'nl-poort-25-geblokkeerd.html'],
    quiet: ['en-what-is-a-port.html', 'en-ip-blacklist-spam.html', 'en-isp-outlook-signature.html'],
  },
  'account-area': {
    fires: ['en-roundcube-smtp-identity.html', 'en-provider-pop-imap-smtp-page.html'],
    quiet: ['en-isp-outlook-change-smtp-port.html', 'de-uni-thunderbird-smtp.html'],
  },
  'account-form': {
    fires: ['en-roundcube-smtp-identity.html', 'en-webmail-send-mail-as-dialog.html', 'es-webmail-cuenta-externa-smtp.html', 'de-webmail-smtp-einstellungen.html', 'pt-painel-conta-email-formulario.html', 'en-spa-mail-client-settings-aria.html'],
    quiet: ['en-webmail-login.html', 'en-webmail-pop-imap-only.html', 'en-cpanel-mail-client-manual-settings.html'],
  },
  'settings-table': {
    fires: ['en-cpanel-mail-client-manual-settings.html', 'en-plesk-mail-settings-dl.html', 'es-panel-configuracion-cliente-correo.html', 'de-kundencenter-postfach-serverdaten.html', 'fr-espace-client-parametres-messagerie.html', 'it-area-clienti-impostazioni-posta.html', 'nl-mijn-account-mailinstellingen.html'],
    quiet: ['fr-imap-ou-pop-difference.html', 'en-what-is-a-port.html', 'fr-dns-enregistrement-mx.html', 'en-game-server-ports.html'],
  },
  'signed-in': {
    fires: ['en-cpanel-mail-client-manual-settings.html', 'en-roundcube-smtp-identity.html', 'de-kundencenter-postfach-serverdaten.html', 'en-webmail-pop-imap-only.html'],
    quiet: ['en-recipe-blog.html', 'de-news-politik.html'],
  },
  'near-miss': {
    fires: ['en-router-port-forwarding.html', 'de-router-portfreigabe.html', 'en-hosting-change-ssh-port.html', 'en-smtp-relay-landing.html', 'es-relay-smtp-precios.html', 'en-what-is-a-port.html', 'en-ip-blacklist-spam.html', 'de-spam-blacklist-ip.html', 'en-news-starttls-flaws.html', 'en-game-server-ports.html', 'en-postfix-submission-port.html', 'es-api-correo-documentacion.html', 'fr-dns-enregistrement-mx.html', 'en-open-source-readme.html'],
    quiet: ['en-isp-outlook-change-smtp-port.html', 'en-isp-port-25-blocked.html', 'es-isp-outlook-puerto-salida.html', 'de-isp-outlook-postausgangsserver.html', 'fr-fai-outlook-serveur-sortant.html', 'pt-br-outlook-servidor-saida.html', 'it-outlook-server-posta-uscita.html', 'nl-outlook-uitgaande-server.html', 'en-roundcube-smtp-identity.html', 'en-cpanel-mail-client-manual-settings.html'],
  },
};

describe('detector registry', () => {
  it('has unique ids and a fixture case for every detector', () => {
    const ids = DETECTORS.map((detector) => detector.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(Object.keys(CASES).sort()).toEqual([...ids].sort());
  });
});

for (const [id, { fires, quiet }] of Object.entries(CASES)) {
  describe(`detector ${id}`, () => {
    it.each(fires.map((file) => [file]))('fires on %s', (file) => {
      const evidence = run(id, file);
      expect(evidence.signals.length).toBeGreaterThan(0);
      expect(evidence.score).not.toBe(0);
    });
    it.each(quiet.map((file) => [file]))('is quiet on %s', (file) => {
      const evidence = run(id, file);
      // signed-in may count help-site signs against an account; what matters is that it adds nothing.
      expect(evidence.score).toBeLessThanOrEqual(0);
      if (id !== 'signed-in') expect(evidence.signals).toEqual([]);
    });
  });
}

describe('near-miss categories', () => {
  it.each([
    ['en-router-port-forwarding.html', 'near-miss:port-forwarding'],
    ['en-hosting-change-ssh-port.html', 'near-miss:other-ports'],
    ['en-smtp-relay-landing.html', 'near-miss:marketing'],
    ['en-what-is-a-port.html', 'near-miss:port-explainer'],
    ['en-ip-blacklist-spam.html', 'near-miss:blacklist'],
    ['en-postfix-submission-port.html', 'near-miss:mail-server-admin'],
    ['es-api-correo-documentacion.html', 'near-miss:developer'],
    ['fr-dns-enregistrement-mx.html', 'near-miss:dns-records'],
    ['nl-nieuws-storing-mail.html', 'near-miss:news'],
  ])('%s is a %s', (file, signal) => {
    expect(run('near-miss', file).signals).toContain(signal);
  });
});

describe('client id', () => {
  it.each([
    ['en-isp-outlook-change-smtp-port.html', 'outlook-classic'],
    ['en-new-outlook-smtp-settings.html', 'outlook-new'],
    ['en-outlook-mac-smtp-port.html', 'outlook-mac'],
    ['en-uni-thunderbird-outgoing-server.html', 'thunderbird'],
    ['en-hosting-kb-apple-mail-smtp.html', 'apple-mail'],
    ['en-iphone-mail-smtp-port.html', 'ios-mail'],
    ['de-iphone-mail-postausgang.html', 'ios-mail'],
    ['en-gmail-app-other-account-smtp.html', 'gmail-android'],
    ['pt-samsung-email-smtp.html', 'samsung-email'],
    ['en-emclient-smtp-port.html', 'em-client'],
    ['en-windows-live-mail-port.html', 'windows-live-mail'],
    ['it-thunderbird-porta-smtp.html', 'thunderbird'],
    ['nl-outlook-uitgaande-server.html', 'outlook-classic'],
    ['en-isp-port-25-blocked.html', null],
  ])('%s is about %s', (file, clientId) => {
    const { document, url } = loadPage(file);
    expect(detectClient(gatherFacts(document, url))).toBe(clientId);
  });
});

/**
 * The shape of one email client's port-change steps. One file per client in this folder,
 * listed in `registry.ts`, checked by `validateClient` and by test/unit/clients.test.ts.
 */
import type { Authentication, Security, Username } from '../api';
import type { CheckedFallback } from '../diagnosis/submission';

/** Every piece of text a person reads, in each language the extension ships (`_locales/en`, `_locales/es`). */
export interface Localized {
  en: string;
  es: string;
}
export type Locale = keyof Localized;
export const LOCALES: readonly Locale[] = ['en', 'es'];

export type Platform = 'windows' | 'mac' | 'ios' | 'android' | 'web' | 'any';

/**
 * `named`: the client offers a list of security choices with names (STARTTLS, SSL/TLS, TLS, SSL...);
 * `securityWords` are those names.
 * `switch`: the client has a single on/off SSL switch whose meaning follows the port
 * (on + 587 = STARTTLS, on + 465 = implicit TLS), as in Outlook 2003, Windows Live Mail, Apple Mail, iOS Mail;
 * `securityWords` are the switch's positions ("checked", "on"), `words.security` its label, and the
 * security step says what to do with a `textFor.none` of its own instead of a `{security}` placeholder.
 */
export type SecurityModel = 'named' | 'switch';

/**
 * What a step is about. `port` steps must exist (the meta-test checks one renders with 587);
 * the popup uses `port`, `security` and `server` to show the real values.
 */
export type StepKind = 'open' | 'navigate' | 'server' | 'port' | 'security' | 'auth' | 'save' | 'verify' | 'info';

/**
 * Step text may contain these placeholders, filled by `renderText`:
 * {server} the outgoing server, {port} the new port, {oldPort} the port being replaced (25),
 * {security} the client's own word for the chosen security (from `securityWords`).
 */
export interface Step {
  /** Stable within the client: progress is stored by this id, so never reuse an id for a different step. */
  id: string;
  kind: StepKind;
  text: Localized;
  /**
   * The step while the outgoing server is not known yet. Required when `text` names `{server}`: a
   * sentence that checks or types the server's name means nothing with "your current server" in it.
   */
  noServer?: Localized;
  /** The step for one security choice when it needs a sentence of its own (a switch turned off). */
  textFor?: Partial<Record<Security, Localized>>;
  /**
   * An `auth` step for a login other than a normal password, where the program names that login in a
   * list the step picks from (Thunderbird's "Authentication method"); wins over `textFor`.
   */
  textForAuth?: Partial<Record<Authentication, Localized>>;
  detail?: Localized;
  /** What the person should see when the step worked. */
  expect?: Localized;
  /** What the person sees instead with a login other than a password (a sign-in window, not a password prompt). */
  expectForAuth?: Partial<Record<Authentication, Localized>>;
}

export interface Source {
  title: string;
  /** The vendor's own help page the steps were checked against. */
  url: string;
  /**
   * Ids of the steps this page confirms as written (path, labels and choices), checked by reading it;
   * a step the page does not cover, or covers in other words, is not listed.
   */
  confirms: string[];
}

export interface MailClient {
  /** kebab-case, unique, never changed once shipped (stored progress refers to it). */
  id: string;
  /** Product name as the vendor writes it. */
  name: string;
  /** The name in a language where the vendor writes it differently ("Nuevo Outlook para Windows"). */
  localName?: Partial<Localized>;
  platform: Platform;
  /** Which versions these steps cover, e.g. "Outlook 2003 (Office 2003)". */
  versions: Localized;
  /** Other names people search for ("Outlook 365", "Hotmail app"...), lowercase. */
  aliases: string[];
  /** The client's own labels, as shown in its English / Spanish user interface. */
  words: {
    outgoingServer: Localized;
    port: Localized;
    security: Localized;
    authentication: Localized;
  };
  securityModel: SecurityModel;
  /** The client's word (or switch position) for each security choice. */
  securityWords: Record<Security, Localized>;
  steps: Step[];
  /** Where the "my outgoing server requires authentication" setting lives in this client. */
  authentication: {
    where: Localized;
    detail: Localized;
  };
  /** For POP/IMAP-before-SMTP providers: where this client sets its automatic mail check interval. */
  checkInterval: Localized | null;
  sources: Source[];
  /** Year and month the steps were last checked against the sources, YYYY-MM. */
  checked: string;
  /** Set when the client no longer works (e.g. Windows Mail since 2024): the steps lead elsewhere. */
  retired?: {
    since: string;
    note: Localized;
    successor: string;
  };
}

/** The values the checklist shows; the check-server view can replace them with a tested recommendation. */
export interface TargetSettings {
  server: string | null;
  port: number;
  security: Security;
  authentication: Authentication;
  /** The login name from a server check, when the provider publishes one. */
  username?: Username | null;
  /**
   * What a server check found beside this port ("Use these settings"): the ports it tried and another one
   * that works there (null: none). Absent when the values are not a check's: the usual other port is
   * suggested then.
   */
  checked?: CheckedFallback;
}

export const DEFAULT_TARGET: TargetSettings = {
  server: null,
  port: 587,
  security: 'starttls',
  authentication: 'password',
};

import { typesUserName, usernameWords } from '../diagnosis/username';
import type { Authentication } from '../api';
import type { Locale, Localized, MailClient, Step, TargetSettings } from './types';

export interface RenderedStep {
  id: string;
  kind: Step['kind'];
  text: string;
  detail: string | null;
  expect: string | null;
}

const PLACEHOLDER = /\{(server|port|oldPort|security)\}/g;

export function pick(text: Localized, locale: Locale): string {
  return text[locale] || text.en;
}

/** The client's name as its vendor writes it in `locale`. */
export function clientName(client: MailClient, locale: Locale): string {
  return client.localName?.[locale] || client.name;
}

/** Fills `{name}` placeholders from `values`; an unknown name is left as it stands. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (match, name: string) => (name in values ? String(values[name]) : match));
}

/**
 * Fill a step template with the real values. A template that names `{server}` is only rendered with a
 * known server (`Step.noServer` says the step without one); should one slip through, the server's
 * name is left out rather than replaced by words that would not fit the sentence.
 */
export function renderText(template: string, client: MailClient, target: TargetSettings, locale: Locale): string {
  return template.replace(PLACEHOLDER, (_, name: string) => {
    switch (name) {
      case 'server':
        return target.server ?? '';
      case 'port':
        return String(target.port);
      case 'oldPort':
        return '25';
      default:
        return pick(client.securityWords[target.security], locale);
    }
  });
}

/** What the provider publishes about the login, said at the client's own login step. */
const LOGIN_NOTES = {
  username: { en: 'For this provider the user name is {username}.', es: 'Con este proveedor, el nombre de usuario es {username}.' },
  /** Many clients' own step says "your full email address"; a provider that wants another form overrides it. */
  usernameNotAddress: {
    en: 'For this provider the user name is {username}, not your full email address.',
    es: 'Con este proveedor, el nombre de usuario es {username}, no su dirección de correo completa.',
  },
  encrypted: {
    en: 'This provider wants an encrypted password: choose the encrypted-password method (CRAM-MD5) where the program offers it.',
    es: 'Este proveedor pide contraseña cifrada: elija el método de contraseña cifrada (CRAM-MD5) si el programa lo ofrece.',
  },
  ntlm: {
    en: 'This server takes a Windows sign-in, not a normal password: choose NTLM as the authentication method where the program offers it (in Outlook, "Require logon using Secure Password Authentication (SPA)").',
    es: 'Este servidor pide un inicio de sesión de Windows, no una contraseña normal: elija NTLM como método de autenticación si el programa lo ofrece (en Outlook, "Requerir inicio de sesión utilizando Autenticación de contraseña segura (SPA)").',
  },
  kerberos: {
    en: 'This server takes only Kerberos (GSSAPI), a Windows domain sign-in: it works from a computer joined to your organization\'s domain, with Kerberos chosen as the authentication method.',
    es: 'Este servidor solo admite Kerberos (GSSAPI), un inicio de sesión de dominio de Windows: funciona desde un equipo unido al dominio de su organización, con Kerberos como método de autenticación.',
  },
  oauth2: {
    en: 'This provider signs you in through its own sign-in window (OAuth2), not with a password typed here: choose OAuth2 as the authentication method where the program offers it.',
    es: 'Este proveedor le identifica en su propia ventana de inicio de sesión (OAuth2), no con una contraseña escrita aquí: elija OAuth2 como método de autenticación si el programa lo ofrece.',
  },
} satisfies Record<string, Localized>;

/** The note at the login step for each login a program's password setting would not choose by itself. */
const AUTH_NOTES: Partial<Record<Authentication, Localized>> = {
  'encrypted-password': LOGIN_NOTES.encrypted,
  ntlm: LOGIN_NOTES.ntlm,
  kerberos: LOGIN_NOTES.kerberos,
  oauth2: LOGIN_NOTES.oauth2,
};

function loginNote(target: TargetSettings, locale: Locale): string | null {
  const signsIn = typesUserName(target.authentication);
  const authNote = AUTH_NOTES[target.authentication];
  const notes = [
    ...(target.username && signsIn
      ? [fill(pick(target.username.form === 'address' ? LOGIN_NOTES.username : LOGIN_NOTES.usernameNotAddress, locale), { username: usernameWords(target.username, locale) })]
      : []),
    ...(authNote ? [pick(authNote, locale)] : []),
  ];
  return notes.length > 0 ? notes.join(' ') : null;
}

/** The step's own sentence for this target: its variant for the security, or for a server not known yet. */
function stepText(step: Step, target: TargetSettings): Localized {
  const forAuthentication = step.textForAuth?.[target.authentication];
  if (forAuthentication) return forAuthentication;
  const forSecurity = step.textFor?.[target.security];
  if (forSecurity) return forSecurity;
  if (target.server === null && step.noServer) return step.noServer;
  return step.text;
}

export function renderSteps(client: MailClient, target: TargetSettings, locale: Locale): RenderedStep[] {
  const fill = (text: Localized | undefined): string | null => (text ? renderText(pick(text, locale), client, target, locale) : null);
  const note = loginNote(target, locale);
  return client.steps.map((step) => {
    const detail = fill(step.detail);
    return {
      id: step.id,
      kind: step.kind,
      text: fill(stepText(step, target)) ?? '',
      // The published login goes with the client's own login step, where the person types it.
      detail: step.kind === 'auth' && note ? [detail, note].filter(Boolean).join(' ') : detail,
      expect: fill(step.expectForAuth?.[target.authentication] ?? step.expect),
    };
  });
}

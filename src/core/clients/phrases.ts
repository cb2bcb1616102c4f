/**
 * The sentences around a client's steps that name its security setting or its labels: the settings
 * card's fallback line, the help sections, the settings line of the copied steps, the reply's advice.
 * Each is written per security model, so a named choice reads "with STARTTLS" and a single switch
 * "with "Use SSL" on", and none of them pretends to know a server that is not known yet.
 * Pure: the extension pages and the agent's reply show what these return.
 */
import type { Security } from '../api';
import { fallbackFor, type Submission } from '../diagnosis/submission';
import { findClient } from './registry';
import { clientName, fill, pick } from './render';
import type { Locale, Localized, MailClient, TargetSettings } from './types';

const WORDS = {
  /** A switch in a sentence: its label and its position. */
  switchSetting: { en: '"{label}" {state}', es: '"{label}" {state}' },
  matchNamed: {
    en: 'Port and security must match: 587 goes with {starttls}, 465 with {tls}. A mismatch shows up as a timeout, not as a password error.',
    es: 'Puerto y seguridad deben coincidir: el 587 va con {starttls} y el 465 con {tls}. Si no coinciden, se agota el tiempo de espera; no es un error de contraseña.',
  },
  matchSwitch: {
    en: 'With {on}, {client} uses STARTTLS on 587 and SSL/TLS from the first byte on 465 by itself, so only the port has to be right.',
    es: 'Con {on}, {client} usa STARTTLS en el 587 y SSL/TLS desde el primer byte en el 465 por sí solo, así que basta con que el puerto sea el correcto.',
  },
  /** The provider publishes SSL/TLS on a port that usually means STARTTLS (or the reverse). */
  unusualNamed: {
    en: 'Make sure security is {security} on port {port}: your provider uses it there, unlike most. A mismatch shows up as a timeout.',
    es: 'Compruebe que la seguridad es {security} en el puerto {port}: su proveedor la usa ahí, a diferencia de la mayoría. Si no coinciden, se agota el tiempo de espera.',
  },
  unusualSwitch: {
    en: 'Your provider uses {kind} on port {port}, unlike most, and {client} picks the encryption by the port: if sending fails, use port {alt} instead.',
    es: 'Su proveedor usa {kind} en el puerto {port}, a diferencia de la mayoría, y {client} elige el cifrado según el puerto: si no puede enviar, use el puerto {alt}.',
  },
  /** The same when a server check found no other port that works. */
  unusualSwitchNoAlt: {
    en: 'Your provider uses {kind} on port {port}, unlike most, and {client} picks the encryption by the port, so it may fail to connect there; ask your provider for the usual pairing.',
    es: 'Su proveedor usa {kind} en el puerto {port}, a diferencia de la mayoría, y {client} elige el cifrado según el puerto, así que puede no conectar; pida a su proveedor la combinación habitual.',
  },
  kindTls: { en: 'SSL/TLS from the first byte', es: 'SSL/TLS desde el primer byte' },
  kindStarttls: { en: 'STARTTLS', es: 'STARTTLS' },
  alternative: { en: 'If {port} fails: port {alt} with {security}.', es: 'Si el {port} falla: puerto {alt} con {security}.' },
  tryInstead: { en: 'Try port {alt} with {security} instead.', es: 'Pruebe el puerto {alt} con {security}.' },
  /** A server check tried the usual other port and found no other port that works (from the customer's network, when compared). */
  noAlternative: {
    en: 'The check found no other port that works for you instead of {port}.',
    es: 'La comprobación no encontró otro puerto que le funcione en lugar del {port}.',
  },
  why465: { en: 'It encrypts from the first byte and is just as good.', es: 'Cifra desde el primer byte y es igual de bueno.' },
  why587: { en: 'It is the standard port for mail programs and just as good.', es: 'Es el puerto estándar de los programas de correo y es igual de bueno.' },
  try2525: {
    en: 'Some providers also accept port 2525. Use it only if your provider lists it.',
    es: 'Algunos proveedores aceptan también el puerto 2525. Úselo solo si su proveedor lo indica.',
  },
  askIsp: { en: 'Your internet provider can tell you which outgoing ports it allows.', es: 'Su proveedor de internet puede decirle qué puertos de salida permite.' },
  incoming: { en: 'Your incoming mail settings (POP or IMAP) do not change.', es: 'La configuración del correo entrante (POP o IMAP) no cambia.' },
  authTitle: { en: 'Authentication', es: 'Autenticación' },
  authSmtpTitle: { en: 'Log in to send: “{label}”', es: 'Iniciar sesión para enviar: “{label}”' },
  authSmtpBody: {
    en: 'Most providers want the mail program to log in before it sends. Where: {where}. {detail}',
    es: 'La mayoría de los proveedores exigen que el programa inicie sesión antes de enviar. Dónde: {where}. {detail}',
  },
  authPopTitle: {
    en: 'Providers that want you to check mail first (POP/IMAP before SMTP)',
    es: 'Proveedores que piden comprobar el correo primero (POP/IMAP antes de SMTP)',
  },
  authPopBody: {
    en: 'Some providers allow sending only for a while after you collected your mail. Check for new mail, then send, and keep the automatic check interval shorter than that window. Where: {where}.',
    es: 'Algunos proveedores solo permiten enviar durante un tiempo después de recoger el correo. Compruebe si hay correo nuevo y luego envíe, y mantenga el intervalo de comprobación automática por debajo de ese tiempo. Dónde: {where}.',
  },
  authPopNoInterval: {
    en: 'this program has no automatic check, so check for mail by hand before sending',
    es: 'este programa no comprueba el correo automáticamente, así que hágalo a mano antes de enviar',
  },
  stillTitle: { en: 'Still not sending?', es: '¿Sigue sin enviar?' },
  settings: {
    en: 'Settings: outgoing server {server}, port {port}, security {security}, authentication with the same user name and password as incoming mail.',
    es: 'Datos: servidor de salida {server}, puerto {port}, seguridad {security}, autenticación con el mismo usuario y contraseña que el correo entrante.',
  },
  settingsNoServer: {
    en: 'Settings: keep your outgoing server, port {port}, security {security}, authentication with the same user name and password as incoming mail.',
    es: 'Datos: mantenga su servidor de salida, puerto {port}, seguridad {security}, autenticación con el mismo usuario y contraseña que el correo entrante.',
  },
} satisfies Record<string, Localized>;

/** Where the person acts: a retired client's steps happen in its successor, so its words apply. */
function acting(client: MailClient): MailClient {
  return (client.retired && findClient(client.retired.successor)) || client;
}

/**
 * The client's security setting for `security` as it reads in a sentence: the choice's name ("SSL/TLS",
 * "Force usage of SSL/TLS") or the switch with its position ("Use SSL" on).
 */
export function securityPhrase(shown: MailClient, security: Security, locale: Locale): string {
  const client = acting(shown);
  const word = pick(client.securityWords[security], locale);
  if (client.securityModel === 'named') return word;
  return fill(pick(WORDS.switchSetting, locale), { label: pick(client.words.security, locale), state: word });
}

/** Which port goes with which security, in the client's own words. */
export function matchRule(shown: MailClient, locale: Locale): string {
  const client = acting(shown);
  if (client.securityModel === 'switch') {
    return fill(pick(WORDS.matchSwitch, locale), { on: securityPhrase(client, 'starttls', locale), client: clientName(client, locale) });
  }
  return fill(pick(WORDS.matchNamed, locale), {
    starttls: pick(client.securityWords.starttls, locale),
    tls: pick(client.securityWords.tls, locale),
  });
}

/** Whether the target pairs its port with the security most servers use there (or with none at all). */
function usualPairing(target: Pick<TargetSettings, 'port' | 'security'>): boolean {
  return target.security === 'none' || target.security === (target.port === 465 ? 'tls' : 'starttls');
}

/**
 * What to make sure of for this target: the usual rule, or, when the provider pairs the port with the
 * other security, that pairing (which a switch client cannot choose, so it is pointed at the other port).
 */
export function matchAdvice(shown: MailClient, target: Pick<TargetSettings, 'port' | 'security' | 'checked'>, locale: Locale): string {
  const client = acting(shown);
  if (usualPairing(target)) return matchRule(client, locale);
  if (client.securityModel === 'switch') {
    const alternative = targetFallback(target);
    return fill(pick(alternative ? WORDS.unusualSwitch : WORDS.unusualSwitchNoAlt, locale), {
      kind: pick(target.security === 'tls' ? WORDS.kindTls : WORDS.kindStarttls, locale),
      port: target.port,
      client: clientName(client, locale),
      alt: alternative?.port ?? '',
    });
  }
  return fill(pick(WORDS.unusualNamed, locale), { security: securityPhrase(client, target.security, locale), port: target.port });
}

/** The port to try when the target's fails (see `fallbackFor` in diagnosis/submission.ts). */
export function targetFallback(target: Pick<TargetSettings, 'port' | 'checked'>): Submission | null {
  return fallbackFor(target.port, target.checked);
}

/** "The check found no other port that works for you instead of 587." */
export function noAlternative(port: number, locale: Locale): string {
  return fill(pick(WORDS.noAlternative, locale), { port });
}

/** The settings card's line under the values: the other port to try. */
export function alternativeLine(client: MailClient, target: Pick<TargetSettings, 'port' | 'checked'>, locale: Locale): string {
  const alternative = targetFallback(target);
  if (!alternative) return noAlternative(target.port, locale);
  return fill(pick(WORDS.alternative, locale), {
    port: target.port,
    alt: alternative.port,
    security: securityPhrase(client, alternative.security, locale),
  });
}

/** "Try port 465 with SSL/TLS instead." for the given alternative. */
export function tryInstead(client: MailClient, alternative: Submission, locale: Locale): string {
  return fill(pick(WORDS.tryInstead, locale), { alt: alternative.port, security: securityPhrase(client, alternative.security, locale) });
}

/** The settings line at the top of the copied steps. */
export function settingsLine(client: MailClient, target: TargetSettings, locale: Locale): string {
  const values = { server: target.server ?? '', port: target.port, security: securityPhrase(client, target.security, locale) };
  return fill(pick(target.server === null ? WORDS.settingsNoServer : WORDS.settings, locale), values);
}

export interface HelpSection {
  title: string;
  body: string;
}

export interface HelpText {
  authTitle: string;
  auth: HelpSection[];
  stillTitle: string;
  still: string[];
}

/** The popup's help below the steps: how this client logs in to send, and what to try when sending still fails. */
export function helpText(client: MailClient, target: Pick<TargetSettings, 'port' | 'checked'>, locale: Locale): HelpText {
  const alternative = targetFallback(target);
  const why = alternative?.port === 465 ? WORDS.why465 : alternative?.port === 587 ? WORDS.why587 : null;
  // The maybe-2525 hint is not for a port the check found not working, nor for the one it already names.
  const tried2525 = target.port === 2525 || alternative?.port === 2525 || (target.checked?.failed.includes(2525) ?? false);
  return {
    authTitle: pick(WORDS.authTitle, locale),
    auth: [
      {
        title: fill(pick(WORDS.authSmtpTitle, locale), { label: pick(client.words.authentication, locale) }),
        body: fill(pick(WORDS.authSmtpBody, locale), {
          where: pick(client.authentication.where, locale),
          detail: pick(client.authentication.detail, locale),
        }),
      },
      {
        title: pick(WORDS.authPopTitle, locale),
        body: fill(pick(WORDS.authPopBody, locale), {
          where: client.checkInterval ? pick(client.checkInterval, locale) : pick(WORDS.authPopNoInterval, locale),
        }),
      },
    ],
    stillTitle: pick(WORDS.stillTitle, locale),
    still: [
      matchRule(client, locale),
      alternative ? [tryInstead(client, alternative, locale), ...(why ? [pick(why, locale)] : [])].join(' ') : noAlternative(target.port, locale),
      ...(tried2525 ? [] : [pick(WORDS.try2525, locale)]),
      pick(WORDS.askIsp, locale),
      pick(WORDS.incoming, locale),
    ],
  };
}

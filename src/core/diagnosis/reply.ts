/**
 * The customer-ready answer agent mode copies: what we found in plain words, what the certificate
 * problems mean for the customer, the settings to use, the chosen mail program's steps with the real
 * values (or the question which program it is), and what to try if it still fails, signed with the
 * helpdesk's name. Plain text or Markdown, English or Spanish. Pure.
 */
import type { Authentication, PortResult, ProbeReport, TlsFacts, Warning } from '../api';
import { otherClient } from '../clients/other';
import { hostBothWays, readableHost, unicodeHost } from '../readable-host';
import { matchAdvice, noAlternative, securityPhrase, targetFallback, tryInstead } from '../clients/phrases';
import { checkedFallback } from './submission';
import { clientName, fill, pick, renderSteps } from '../clients/render';
import type { Locale, Localized, MailClient, TargetSettings } from '../clients/types';
import { adviceForNetwork, blockedHere, type ViewComparison, type ViewVerdict } from './compare';
import { typesUserName, usernameWords } from './username';

export type ReplyFormat = 'text' | 'markdown';

const WORDS = {
  greeting: { en: 'Hello,', es: 'Hola:' },
  checked: { en: 'We checked {server}, the outgoing mail server for {target}. What we found:', es: 'Hemos comprobado {server}, el servidor de correo saliente de {target}. Esto es lo que encontramos:' },
  /** The customer gave the server's own name: said once. */
  checkedServer: { en: 'We checked the outgoing mail server {server}. What we found:', es: 'Hemos comprobado el servidor de correo saliente {server}. Esto es lo que encontramos:' },
  settings: { en: 'Settings to use', es: 'Datos que debe usar' },
  server: { en: 'Outgoing server (SMTP)', es: 'Servidor de salida (SMTP)' },
  port: { en: 'Port', es: 'Puerto' },
  security: { en: 'Security', es: 'Seguridad' },
  auth: { en: 'Authentication', es: 'Autenticación' },
  authPassword: {
    en: 'on, with the same user name and password as for incoming mail (usually your full email address and mailbox password)',
    es: 'activada, con el mismo nombre de usuario y contraseña que para el correo entrante (normalmente su dirección de correo completa y la contraseña del buzón)',
  },
  /** When the provider publishes the user name, it has a line of its own. */
  authPasswordOnly: { en: 'on, with your mailbox password', es: 'activada, con la contraseña del buzón' },
  authEncrypted: {
    en: 'on, with your mailbox password as an encrypted password (CRAM-MD5)',
    es: 'activada, con la contraseña del buzón como contraseña cifrada (CRAM-MD5)',
  },
  authNtlm: {
    en: 'on, as a Windows sign-in: choose NTLM (in Outlook, "Secure Password Authentication (SPA)") with your usual user name and password',
    es: 'activada, como inicio de sesión de Windows: elija NTLM (en Outlook, "Autenticación de contraseña segura (SPA)") con su nombre de usuario y contraseña habituales',
  },
  authKerberos: {
    en: 'on, as Kerberos (GSSAPI), which works only from a computer joined to your organization\'s Windows domain',
    es: 'activada, como Kerberos (GSSAPI), que solo funciona desde un equipo unido al dominio de Windows de su organización',
  },
  authOAuth: {
    en: 'on, with OAuth2: your mail program opens your provider\'s sign-in window, where you sign in as on the web',
    es: 'activada, con OAuth2: su programa de correo abre la ventana de inicio de sesión de su proveedor, donde entra como en la web',
  },
  authClientCert: {
    en: 'on, with the client certificate your provider gave you',
    es: 'activada, con el certificado de cliente que le dio su proveedor',
  },
  username: { en: 'User name', es: 'Nombre de usuario' },
  authPop: { en: 'check for new mail first, then send (your provider allows sending for a while after a mail check)', es: 'compruebe primero si hay correo nuevo y luego envíe (su proveedor permite enviar durante un tiempo después de comprobar el correo)' },
  authNone: { en: 'none', es: 'ninguna' },
  steps: { en: 'Steps in {client}', es: 'Pasos en {client}' },
  /** The general entry is no program's name: "Steps in Other mail program" would read oddly. */
  stepsAnyProgram: { en: 'Steps in your mail program', es: 'Pasos en su programa de correo' },
  /** No mail program chosen yet: ask instead of guessing. */
  whichProgram: {
    en: 'Which mail program do you send with (for example Outlook, Thunderbird, or the Mail app on your phone or Mac)? Tell us and we will send you the steps for it.',
    es: '¿Con qué programa de correo envía (por ejemplo Outlook, Thunderbird o la app Mail del móvil o del Mac)? Díganoslo y le enviaremos los pasos para ese programa.',
  },
  stillTitle: { en: 'If it still does not send', es: 'Si sigue sin enviar' },
  stillIncoming: { en: 'Your incoming mail settings (POP or IMAP) stay as they are.', es: 'La configuración del correo entrante (POP o IMAP) no cambia.' },
  stillReply: { en: 'Reply to this message with the exact error text if it still fails.', es: 'Si sigue fallando, responda a este mensaje con el texto exacto del error.' },
  nothing: { en: 'We could not find a port on {server} that accepts mail from a mail program (587 or 465 with a login). Please check the server name with your email provider; we are looking into it as well.', es: 'No encontramos en {server} ningún puerto que acepte correo de un programa de correo (587 o 465 con inicio de sesión). Confirme el nombre del servidor con su proveedor de correo; nosotros también lo estamos revisando.' },
  closing: { en: 'Kind regards', es: 'Un saludo' },
  closingSigned: { en: 'Kind regards,', es: 'Un saludo,' },
  certificateTitle: { en: "The server's security certificate", es: 'El certificado de seguridad del servidor' },
  fromYourNetwork: { en: 'Checked from your own network', es: 'Comprobado desde su propia red' },
} satisfies Record<string, Localized>;

/** What the customer's own check (agent mode's pasted result) showed, port by port. */
const VERDICT_WORDS: Record<ViewVerdict, Localized> = {
  'open-from-both': { en: 'gets through from your network too', es: 'también pasa desde su red' },
  'blocked-by-network': { en: 'blocked by your network (your internet provider or a firewall stops it)', es: 'bloqueado por su red (su proveedor de internet o un cortafuegos lo impide)' },
  'closed-at-server': { en: 'closed at the server, not by your network', es: 'cerrado en el servidor, no por su red' },
  intercepted: {
    en: "something on your network answers in the server's place (an antivirus program or your provider's proxy)",
    es: 'algo en su red responde en lugar del servidor (un antivirus o el proxy de su proveedor)',
  },
  'local-only': { en: 'answers only from your network', es: 'solo responde desde su red' },
  unknown: { en: 'answers differently from your network', es: 'responde de otra forma desde su red' },
};

const STATE_WORDS: Record<PortResult['state'], Localized> = {
  ok: { en: 'answers', es: 'responde' },
  refused: { en: 'closed (the server refuses connections)', es: 'cerrado (el servidor rechaza conexiones)' },
  timeout: { en: 'no answer (blocked or filtered)', es: 'sin respuesta (bloqueado o filtrado)' },
  unreachable: { en: 'unreachable', es: 'inalcanzable' },
  'no-greeting': { en: 'connects but the mail server does not greet', es: 'conecta pero el servidor de correo no saluda' },
  'tls-expected': { en: 'expects an encrypted (SSL/TLS) connection from the start', es: 'espera una conexión cifrada (SSL/TLS) desde el principio' },
  'tls-unexpected': { en: 'expects a plain connection (use STARTTLS, not SSL/TLS)', es: 'espera una conexión sin cifrar al inicio (use STARTTLS, no SSL/TLS)' },
  'not-smtp': { en: 'another service answers, not mail', es: 'responde otro servicio, no el correo' },
  rejected: { en: 'the mail server turns connections away', es: 'el servidor de correo rechaza las conexiones' },
  'starttls-missing': { en: 'answers without encryption (no STARTTLS)', es: 'responde sin cifrado (sin STARTTLS)' },
  'starttls-failed': { en: 'encryption (STARTTLS) fails', es: 'el cifrado (STARTTLS) falla' },
  'tls-failed': { en: 'the encrypted connection fails', es: 'la conexión cifrada falla' },
  protocol: { en: 'answers in a way mail programs do not understand', es: 'responde de una forma que los programas de correo no entienden' },
};

const NO_TLS_NO_GREETING: Localized = {
  en: 'answers, but neither with encryption (SSL/TLS) nor with a mail server\'s greeting',
  es: 'responde, pero ni con cifrado (SSL/TLS) ni con el saludo de un servidor de correo',
};

/** A port that answered, in plain words: can a mail program send through it, and how is it protected. */
const OK_WORDS = {
  starttls: {
    en: 'works: it encrypts the connection (STARTTLS) and takes your login',
    es: 'funciona: cifra la conexión (STARTTLS) y acepta su inicio de sesión',
  },
  tls: {
    en: 'works: it is encrypted from the first byte (SSL/TLS) and takes your login',
    es: 'funciona: está cifrado desde el primer byte (SSL/TLS) y acepta su inicio de sesión',
  },
  none: {
    en: 'answers without any encryption, so your password would cross the network readable: do not use it',
    es: 'responde sin ningún cifrado, así que su contraseña viajaría legible por la red: no lo use',
  },
  noLogin: {
    en: 'answers, but takes no login, so a mail program cannot send through it',
    es: 'responde, pero no acepta inicio de sesión, así que un programa de correo no puede enviar por él',
  },
  /** Port 25 without a login is where other mail servers deliver. */
  noLogin25: {
    en: 'answers, but only to take in mail from other mail servers; a mail program cannot send through it',
    es: 'responde, pero solo para recibir correo de otros servidores; un programa de correo no puede enviar por él',
  },
} satisfies Record<string, Localized>;

function portLine(result: PortResult, locale: Locale): string {
  let words: Localized = STATE_WORDS[result.state];
  // Plain text where TLS belonged, then no greeting on a plain connection: nothing says it is a mail server.
  if (result.state === 'tls-unexpected' && result.banner === null) words = NO_TLS_NO_GREETING;
  if (result.state === 'ok') {
    if (result.auth.length === 0) words = result.port === 25 ? OK_WORDS.noLogin25 : OK_WORDS.noLogin;
    else words = OK_WORDS[result.security];
  }
  return `${locale === 'es' ? 'Puerto' : 'Port'} ${result.port}: ${pick(words, locale)}`;
}

/** What each certificate problem means for the customer (what the program will show) and what to do. */
const CERTIFICATE_WORDS = {
  expired: {
    en: 'It expired on {date}. Your mail program will warn that the certificate has expired or is not valid, or refuse to send. It has to be renewed on the server; until then, please do not accept the warning for good.',
    es: 'Caducó el {date}. Su programa de correo avisará de que el certificado ha caducado o no es válido, o se negará a enviar. Hay que renovarlo en el servidor; mientras tanto, no acepte el aviso de forma permanente.',
  },
  expiredNoDate: {
    en: 'It has expired. Your mail program will warn that the certificate has expired or is not valid, or refuse to send. It has to be renewed on the server; until then, please do not accept the warning for good.',
    es: 'Ha caducado. Su programa de correo avisará de que el certificado ha caducado o no es válido, o se negará a enviar. Hay que renovarlo en el servidor; mientras tanto, no acepte el aviso de forma permanente.',
  },
  nameOther: {
    en: 'It is made out to {names}, not to {server}. Your mail program will warn that the server name does not match the certificate. If your provider also lists {first} as its outgoing server, type that name instead; otherwise the certificate has to be fixed on the server.',
    es: 'Está a nombre de {names}, no de {server}. Su programa de correo avisará de que el nombre del servidor no coincide con el certificado. Si su proveedor indica también {first} como servidor de salida, escriba ese nombre; si no, hay que corregir el certificado en el servidor.',
  },
  name: {
    en: 'It is not made out to {server}. Your mail program will warn that the server name does not match the certificate. The certificate has to be fixed on the server.',
    es: 'No está a nombre de {server}. Su programa de correo avisará de que el nombre del servidor no coincide con el certificado. Hay que corregir el certificado en el servidor.',
  },
  selfSigned: {
    en: 'The server made it for itself (self-signed), so no authority vouches for it. Your mail program will warn that it cannot verify the server\'s identity. Accept it only if your provider confirms the certificate is theirs; the lasting fix is a certificate from a public authority.',
    es: 'Lo ha creado el propio servidor (autofirmado), así que ninguna autoridad lo avala. Su programa de correo avisará de que no puede verificar la identidad del servidor. Acéptelo solo si su proveedor confirma que el certificado es suyo; la solución duradera es un certificado de una autoridad pública.',
  },
  untrusted: {
    en: 'It comes from an authority that mail programs do not trust. Your mail program will warn that it cannot verify the server\'s identity, or refuse to send. The certificate has to be replaced on the server; please do not accept the warning for good.',
    es: 'Lo ha emitido una autoridad en la que los programas de correo no confían. Su programa de correo avisará de que no puede verificar la identidad del servidor, o se negará a enviar. Hay que sustituir el certificado en el servidor; no acepte el aviso de forma permanente.',
  },
  weak: {
    en: 'Its protection is too weak by current rules (a short key or an outdated signature). Newer mail programs may refuse the connection with a security error. The certificate has to be replaced on the server.',
    es: 'Su protección es demasiado débil para las normas actuales (una clave corta o una firma anticuada). Los programas de correo recientes pueden rechazar la conexión con un error de seguridad. Hay que sustituir el certificado en el servidor.',
  },
} satisfies Record<string, Localized>;

const CERTIFICATE_CODES = new Set<Warning['code']>(['cert-expired', 'cert-name-mismatch', 'cert-untrusted', 'cert-weak-key']);

/** The certificate facts of a warned port: from the port the warning names, the first one with TLS otherwise. */
function tlsOf(report: ProbeReport, port: number | undefined): TlsFacts | null {
  const results = report.ports.filter((result) => result.tls !== null && (port === undefined || result.port === port));
  return results[0]?.tls ?? null;
}

/** One sentence per certificate problem the check found where the customer will connect, each said once. */
function certificateLines(report: ProbeReport, locale: Locale): string[] {
  const lines: string[] = [];
  const seen = new Set<string>();
  for (const warning of report.warnings.filter((entry) => CERTIFICATE_CODES.has(entry.code))) {
    const tls = tlsOf(report, warning.port);
    let line: string;
    if (warning.code === 'cert-expired') {
      const date = tls?.validTo ? tls.validTo.slice(0, 10) : null;
      line = date ? fill(pick(CERTIFICATE_WORDS.expired, locale), { date }) : pick(CERTIFICATE_WORDS.expiredNoDate, locale);
    } else if (warning.code === 'cert-name-mismatch') {
      const names = (tls?.validNames ?? []).filter((name) => name.trim() !== '').slice(0, 3);
      const first = names.find((name) => !name.startsWith('*.'));
      line = first
        ? fill(pick(CERTIFICATE_WORDS.nameOther, locale), { names: names.join(', '), server: report.server, first })
        : fill(pick(CERTIFICATE_WORDS.name, locale), { server: report.server });
    } else if (warning.code === 'cert-untrusted') {
      line = pick(tls?.selfSigned ? CERTIFICATE_WORDS.selfSigned : CERTIFICATE_WORDS.untrusted, locale);
    } else {
      line = pick(CERTIFICATE_WORDS.weak, locale);
    }
    if (!seen.has(line)) lines.push(line);
    seen.add(line);
  }
  return lines;
}

export interface ReplyInput {
  report: ProbeReport;
  /** The customer's mail program; null when the agent has not chosen one, and the reply asks. */
  client: MailClient | null;
  locale: Locale;
  format: ReplyFormat;
  /** The service's view compared with the customer's own (agent mode, from the pasted CLI result). */
  comparison?: ViewComparison | null;
  /** Who signs the reply: the helpdesk profile's name. No name line when empty. */
  signature?: string;
}

/** Whether the customer gave the server's own name, so saying "for X (X)" would say it twice. */
function checkedTheServer(report: ProbeReport): boolean {
  return report.target.trim().toLowerCase().replace(/\.$/, '') === report.server.toLowerCase().replace(/\.$/, '');
}

export function composeReply({ report, client: chosen, locale, format, comparison, signature }: ReplyInput): string {
  const md = format === 'markdown';
  const heading = (text: string) => (md ? `**${text}**` : `${text}:`);
  const bullet = (text: string) => `- ${text}`;
  // Without a chosen program the settings are said in the general words of "any other mail program".
  const client = chosen ?? otherClient;
  const name = signature?.trim() ?? '';
  const closing = name ? [pick(WORDS.closingSigned, locale), name] : [pick(WORDS.closing, locale)];
  const lines: string[] = [pick(WORDS.greeting, locale), ''];
  // An internationalised name reads as the customer writes it, with its xn-- form beside the server's.
  lines.push(fill(pick(checkedTheServer(report) ? WORDS.checkedServer : WORDS.checked, locale), { target: readableHost(report.target), server: hostBothWays(report.server) }), '');
  // One line per port; several addresses of one port are folded when they agree.
  const seen = new Set<string>();
  for (const result of report.ports) {
    const line = portLine(result, locale);
    if (!seen.has(line)) lines.push(bullet(line));
    seen.add(line);
  }
  lines.push('');
  const compared = comparison?.ports.filter((entry) => entry.service !== null && entry.local !== null) ?? [];
  if (compared.length > 0) {
    lines.push(heading(pick(WORDS.fromYourNetwork, locale)));
    for (const entry of compared) lines.push(bullet(`${pick(WORDS.port, locale)} ${entry.port}: ${pick(VERDICT_WORDS[entry.verdict], locale)}`));
    lines.push('');
  }
  const certificate = certificateLines(report, locale);
  if (certificate.length > 0) {
    lines.push(heading(pick(WORDS.certificateTitle, locale)));
    for (const line of certificate) lines.push(bullet(line));
    lines.push('');
  }
  // Advice the customer's own network would defeat is swapped for the alternative that gets through.
  const recommendation = report.recommendation && comparison ? adviceForNetwork(report.recommendation, comparison) : report.recommendation;
  if (!recommendation) {
    lines.push(fill(pick(WORDS.nothing, locale), { server: hostBothWays(report.server) }), '', ...closing);
    return lines.join('\n') + '\n';
  }
  const username = recommendation.username ?? null;
  const target: TargetSettings = {
    server: recommendation.server,
    port: recommendation.port,
    security: recommendation.security,
    authentication: recommendation.authentication,
    username,
    checked: checkedFallback(report.ports, recommendation, comparison ? blockedHere(comparison) : []),
  };
  // Every login has its words: a new one is a type error here, not a "normal password" by default.
  const authWords: Record<Authentication, Localized> = {
    password: username ? WORDS.authPasswordOnly : WORDS.authPassword,
    'encrypted-password': WORDS.authEncrypted,
    'smtp-after-pop': WORDS.authPop,
    none: WORDS.authNone,
    oauth2: WORDS.authOAuth,
    'client-cert': WORDS.authClientCert,
    ntlm: WORDS.authNtlm,
    kerberos: WORDS.authKerberos,
  };
  const auth = authWords[recommendation.authentication];
  const signsIn = typesUserName(recommendation.authentication);
  const code = (value: string | number) => (md ? `\`${value}\`` : String(value));
  lines.push(heading(pick(WORDS.settings, locale)));
  // The xn-- form is the one every mail program takes; the Unicode form beside it says which name it is.
  const unicodeServer = unicodeHost(recommendation.server);
  lines.push(bullet(`${pick(WORDS.server, locale)}: ${code(recommendation.server)}${unicodeServer ? ` (${unicodeServer})` : ''}`));
  lines.push(bullet(`${pick(WORDS.port, locale)}: ${code(recommendation.port)}`));
  lines.push(bullet(`${pick(WORDS.security, locale)}: ${securityPhrase(client, recommendation.security, locale)}`));
  lines.push(bullet(`${pick(WORDS.auth, locale)}: ${pick(auth, locale)}`));
  if (username && signsIn) {
    lines.push(bullet(`${pick(WORDS.username, locale)}: ${username.value !== null ? code(username.value) : usernameWords(username, locale)}`));
  }
  lines.push('');
  if (chosen) {
    lines.push(heading(chosen.id === otherClient.id ? pick(WORDS.stepsAnyProgram, locale) : fill(pick(WORDS.steps, locale), { client: clientName(chosen, locale) })));
    if (chosen.retired) lines.push(pick(chosen.retired.note, locale));
    renderSteps(chosen, target, locale).forEach((step, index) => {
      lines.push(`${index + 1}. ${step.text}`);
      if (step.detail) lines.push(`   ${step.detail}`);
    });
  } else {
    lines.push(pick(WORDS.whichProgram, locale));
  }
  lines.push('');
  lines.push(heading(pick(WORDS.stillTitle, locale)));
  // The check's own fallback: when it tried the usual other port and found no other that works, it says so instead of naming a closed one.
  const alternative = targetFallback(target);
  lines.push(bullet(alternative ? tryInstead(client, alternative, locale) : noAlternative(recommendation.port, locale)));
  lines.push(bullet(matchAdvice(client, target, locale)));
  lines.push(bullet(pick(WORDS.stillIncoming, locale)));
  lines.push(bullet(pick(WORDS.stillReply, locale)), '');
  lines.push(...closing);
  return lines.join('\n') + '\n';
}

/**
 * The customer-ready answer agent mode copies: what we found in plain words, the settings to use,
 * the chosen mail program's steps with the real values, and what to try if it still fails.
 * Plain text or Markdown, English or Spanish. Pure.
 */
import type { PortResult, ProbeReport, Security } from '../api';
import { fill, pick, renderSteps } from '../clients/render';
import type { Locale, Localized, MailClient, TargetSettings } from '../clients/types';
import { adviceForNetwork, type ViewComparison, type ViewVerdict } from './compare';
import { otherSubmission } from './submission';
import { usernameWords } from './username';

export type ReplyFormat = 'text' | 'markdown';

const WORDS = {
  greeting: { en: 'Hello,', es: 'Hola:' },
  checked: { en: 'We checked the outgoing mail server for {target} ({server}). What we found:', es: 'Hemos comprobado el servidor de correo saliente de {target} ({server}). Esto es lo que encontramos:' },
  settings: { en: 'Settings to use', es: 'Datos que debe usar' },
  server: { en: 'Outgoing server (SMTP)', es: 'Servidor de salida (SMTP)' },
  port: { en: 'Port', es: 'Puerto' },
  security: { en: 'Security', es: 'Seguridad' },
  auth: { en: 'Authentication', es: 'Autenticación' },
  authPassword: { en: 'on, with your full email address and mailbox password', es: 'activada, con su dirección de correo completa y la contraseña del buzón' },
  /** When the provider publishes the user name, it has a line of its own. */
  authPasswordOnly: { en: 'on, with your mailbox password', es: 'activada, con la contraseña del buzón' },
  authEncrypted: {
    en: 'on, with your mailbox password as an encrypted password (CRAM-MD5)',
    es: 'activada, con la contraseña del buzón como contraseña cifrada (CRAM-MD5)',
  },
  username: { en: 'User name', es: 'Nombre de usuario' },
  authPop: { en: 'check for new mail first, then send (your provider allows sending for a while after a mail check)', es: 'compruebe primero si hay correo nuevo y luego envíe (su proveedor permite enviar durante un tiempo después de comprobar el correo)' },
  authNone: { en: 'none', es: 'ninguna' },
  steps: { en: 'Steps in {client}', es: 'Pasos en {client}' },
  stillTitle: { en: 'If it still does not send', es: 'Si sigue sin enviar' },
  still465: { en: 'Try port {alt} with {altSecurity} instead.', es: 'Pruebe el puerto {alt} con {altSecurity}.' },
  stillMatch: { en: 'Make sure port and security match: 587 goes with STARTTLS, 465 with SSL/TLS. A mismatch shows up as a timeout.', es: 'Compruebe que puerto y seguridad coinciden: 587 va con STARTTLS y 465 con SSL/TLS. Si no coinciden, se agota el tiempo de espera.' },
  /** The provider publishes SSL/TLS on a port that usually means STARTTLS (or the reverse). */
  stillMatchPublished: {
    en: 'Make sure security is {security} on port {port}: your provider uses it there, unlike most. A mismatch shows up as a timeout.',
    es: 'Compruebe que la seguridad es {security} en el puerto {port}: su proveedor la usa ahí, a diferencia de la mayoría. Si no coinciden, se agota el tiempo de espera.',
  },
  stillIncoming: { en: 'Your incoming mail settings (POP or IMAP) stay as they are.', es: 'La configuración del correo entrante (POP o IMAP) no cambia.' },
  stillReply: { en: 'Reply to this message with the exact error text if it still fails.', es: 'Si sigue fallando, responda a este mensaje con el texto exacto del error.' },
  nothing: { en: 'We could not find a port on {server} that accepts mail from a mail program (587 or 465 with a login). Please check the server name with your email provider; we are looking into it as well.', es: 'No encontramos en {server} ningún puerto que acepte correo de un programa de correo (587 o 465 con inicio de sesión). Confirme el nombre del servidor con su proveedor de correo; nosotros también lo estamos revisando.' },
  closing: { en: 'Kind regards', es: 'Un saludo' },
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

const SECURITY_WORDS: Record<Security, Localized> = {
  starttls: { en: 'STARTTLS', es: 'STARTTLS' },
  tls: { en: 'SSL/TLS', es: 'SSL/TLS' },
  none: { en: 'no encryption', es: 'sin cifrado' },
};

function portLine(result: PortResult, locale: Locale): string {
  let words = pick(STATE_WORDS[result.state], locale);
  if (result.state === 'ok') {
    const login = result.auth.length > 0 ? (locale === 'es' ? 'con inicio de sesión' : 'with login') : locale === 'es' ? 'sin inicio de sesión' : 'without login';
    words = `${words}, ${pick(SECURITY_WORDS[result.security], locale)}, ${login}`;
  }
  return `${locale === 'es' ? 'Puerto' : 'Port'} ${result.port}: ${words}`;
}

export interface ReplyInput {
  report: ProbeReport;
  client: MailClient;
  locale: Locale;
  format: ReplyFormat;
  /** The service's view compared with the customer's own (agent mode, from the pasted CLI result). */
  comparison?: ViewComparison | null;
}

export function composeReply({ report, client, locale, format, comparison }: ReplyInput): string {
  const md = format === 'markdown';
  const heading = (text: string) => (md ? `**${text}**` : `${text}:`);
  const bullet = (text: string) => `- ${text}`;
  const lines: string[] = [pick(WORDS.greeting, locale), ''];
  lines.push(fill(pick(WORDS.checked, locale), { target: report.target, server: report.server }), '');
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
  // Advice the customer's own network would defeat is swapped for the alternative that gets through.
  const recommendation = report.recommendation && comparison ? adviceForNetwork(report.recommendation, comparison) : report.recommendation;
  if (!recommendation) {
    lines.push(fill(pick(WORDS.nothing, locale), { server: report.server }), '', pick(WORDS.closing, locale));
    return lines.join('\n') + '\n';
  }
  const username = recommendation.username ?? null;
  const target: TargetSettings = {
    server: recommendation.server,
    port: recommendation.port,
    security: recommendation.security,
    authentication: recommendation.authentication,
    username,
  };
  const auth =
    recommendation.authentication === 'smtp-after-pop'
      ? WORDS.authPop
      : recommendation.authentication === 'none'
        ? WORDS.authNone
        : recommendation.authentication === 'encrypted-password'
          ? WORDS.authEncrypted
          : username
            ? WORDS.authPasswordOnly
            : WORDS.authPassword;
  const signsIn = recommendation.authentication === 'password' || recommendation.authentication === 'encrypted-password';
  const code = (value: string | number) => (md ? `\`${value}\`` : String(value));
  lines.push(heading(pick(WORDS.settings, locale)));
  lines.push(bullet(`${pick(WORDS.server, locale)}: ${code(recommendation.server)}`));
  lines.push(bullet(`${pick(WORDS.port, locale)}: ${code(recommendation.port)}`));
  lines.push(bullet(`${pick(WORDS.security, locale)}: ${pick(client.securityWords[recommendation.security], locale)}`));
  lines.push(bullet(`${pick(WORDS.auth, locale)}: ${pick(auth, locale)}`));
  if (username && signsIn) {
    lines.push(bullet(`${pick(WORDS.username, locale)}: ${username.value !== null ? code(username.value) : usernameWords(username, locale)}`));
  }
  lines.push('');
  lines.push(heading(fill(pick(WORDS.steps, locale), { client: client.name })));
  if (client.retired) lines.push(pick(client.retired.note, locale));
  renderSteps(client, target, locale, recommendation.server).forEach((step, index) => {
    lines.push(`${index + 1}. ${step.text}`);
    if (step.detail) lines.push(`   ${step.detail}`);
  });
  lines.push('');
  lines.push(heading(pick(WORDS.stillTitle, locale)));
  const alternative = recommendation.alternative ?? otherSubmission(recommendation.port);
  lines.push(bullet(fill(pick(WORDS.still465, locale), { alt: alternative.port, altSecurity: pick(client.securityWords[alternative.security], locale) })));
  const usual = recommendation.security === (recommendation.port === 465 ? 'tls' : 'starttls') || recommendation.security === 'none';
  lines.push(
    bullet(
      usual
        ? pick(WORDS.stillMatch, locale)
        : fill(pick(WORDS.stillMatchPublished, locale), { security: pick(client.securityWords[recommendation.security], locale), port: recommendation.port }),
    ),
  );
  lines.push(bullet(pick(WORDS.stillIncoming, locale)));
  lines.push(bullet(pick(WORDS.stillReply, locale)), '');
  lines.push(pick(WORDS.closing, locale));
  return lines.join('\n') + '\n';
}

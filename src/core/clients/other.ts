import type { MailClient } from './types';

/**
 * Any mail program not listed: what to look for and how its words map to the two submission ports.
 * Port 587 starts plain and upgrades with STARTTLS (RFC 6409); port 465 is TLS from the first byte
 * (RFC 8314). Programs name these differently, so the security word here lists the common names.
 */
export const otherClient: MailClient = {
  id: 'other',
  name: 'Other mail program',
  localName: { es: 'Otro programa de correo' },
  platform: 'any',
  versions: { en: 'Any mail program or device not listed', es: 'Cualquier programa o dispositivo de correo no incluido' },
  aliases: ['other', 'another program', 'my mail program', 'printer', 'scanner', 'webmail', 'otro'],
  words: {
    outgoingServer: { en: 'Outgoing server (SMTP)', es: 'Servidor de salida (SMTP)' },
    port: { en: 'Port', es: 'Puerto' },
    security: { en: 'Security / Encryption / Connection security', es: 'Seguridad / Cifrado / Seguridad de la conexión' },
    authentication: { en: 'SMTP authentication', es: 'Autenticación SMTP' },
  },
  securityModel: 'named',
  securityWords: {
    starttls: { en: 'STARTTLS (often just "TLS")', es: 'STARTTLS (a menudo solo "TLS")' },
    tls: { en: 'SSL/TLS (often just "SSL")', es: 'SSL/TLS (a menudo solo "SSL")' },
    none: { en: 'None', es: 'Ninguna' },
  },
  steps: [
    {
      id: 'find-account-settings',
      kind: 'open',
      text: {
        en: "Open the program's account settings (often Settings, Accounts or Tools > Accounts).",
        es: 'Abra la configuración de cuentas del programa (suele estar en Configuración, Cuentas o Herramientas > Cuentas).',
      },
    },
    {
      id: 'find-outgoing-server',
      kind: 'navigate',
      text: {
        en: 'Find the outgoing server settings: look for "Outgoing", "SMTP" or "Sending", often under Advanced or More settings.',
        es: 'Busque la configuración del servidor de salida: "Saliente", "SMTP" o "Envío", a menudo en Avanzado o Más configuraciones.',
      },
    },
    {
      id: 'check-server',
      kind: 'server',
      text: { en: 'Check that the outgoing server is {server}.', es: 'Compruebe que el servidor de salida es {server}.' },
      noServer: { en: 'Leave the outgoing server name as it is: only the port changes.', es: 'Deje el nombre del servidor de salida como está: solo cambia el puerto.' },
    },
    {
      id: 'set-security',
      kind: 'security',
      text: { en: 'Set the security or encryption to {security}.', es: 'Ponga la seguridad o el cifrado en {security}.' },
      detail: {
        en: 'For 587 choose STARTTLS or "TLS"; for 465 choose "SSL/TLS" or "SSL". With a single SSL checkbox, tick it for either port.',
        es: 'Para el 587 elija STARTTLS o "TLS"; para el 465, "SSL/TLS" o "SSL". Si solo hay una casilla SSL, márquela para cualquiera de los dos.',
      },
    },
    {
      id: 'set-port',
      kind: 'port',
      text: { en: 'Change the outgoing port from {oldPort} to {port}.', es: 'Cambie el puerto de salida de {oldPort} a {port}.' },
      detail: {
        en: 'Choosing a security can change the port by itself, so look at it last. A port and security that do not match end in a timeout, not a password error.',
        es: 'Elegir la seguridad puede cambiar el puerto solo, así que revíselo al final. Si puerto y seguridad no encajan verá un tiempo de espera agotado, no un error de contraseña.',
      },
    },
    {
      id: 'set-authentication',
      kind: 'auth',
      text: {
        en: 'Turn on authentication for the outgoing server and use the same user name and password as for incoming mail.',
        es: 'Active la autenticación del servidor de salida y use el mismo usuario y contraseña que para el correo entrante.',
      },
    },
    {
      id: 'save-and-test',
      kind: 'verify',
      text: { en: 'Save and send yourself a test message.', es: 'Guarde y envíese un mensaje de prueba.' },
    },
  ],
  authentication: {
    where: {
      en: 'Usually next to the outgoing server: "requires authentication", "Require sign-in" or "Use same settings as incoming server"',
      es: 'Normalmente junto al servidor de salida: "requiere autenticación", "Solicitar inicio de sesión" o "Usar la misma configuración que el servidor entrante"',
    },
    detail: {
      en: 'Same user name (often the full email address) and password as the incoming server.',
      es: 'El mismo usuario (a menudo la dirección completa) y contraseña que el servidor entrante.',
    },
  },
  checkInterval: {
    en: 'Usually in the account or general settings: "Check for new mail every N minutes", "Sync frequency" or "Fetch"',
    es: 'Suele estar en los ajustes de la cuenta o generales: "Comprobar correo cada N minutos", "Frecuencia de sincronización" u "Obtener datos"',
  },
  sources: [
    {
      title: 'Gmail Help: choosing your port number and authentication type (TLS/STARTTLS vs SSL)',
      url: 'https://support.google.com/mail/answer/1074635',
      confirms: ['set-security'],
    },
    {
      title: 'Microsoft Support: POP and IMAP email settings for Outlook',
      url: 'https://support.microsoft.com/en-us/office/pop-and-imap-email-settings-for-outlook-8361e398-8af4-4e97-b147-6c6c4ac95353',
      confirms: [],
    },
  ],
  checked: '2026-11',
};

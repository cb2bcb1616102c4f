import type { MailClient } from './types';

/**
 * Mail on macOS 10.12 Sierra to 12 Monterey (Preferences instead of Settings), with the older
 * Edit SMTP Server List path for OS X 10.11 and earlier given as details.
 */
export const appleMailLegacy: MailClient = {
  id: 'apple-mail-legacy',
  name: 'Apple Mail (older macOS)',
  localName: { es: 'Apple Mail (macOS anteriores)' },
  platform: 'mac',
  versions: {
    en: 'Mail on macOS 12 Monterey and earlier (Mail > Preferences)',
    es: 'Mail en macOS 12 Monterey y anteriores (Mail > Preferencias)',
  },
  aliases: ['apple mail', 'mac mail', 'mail preferences', 'os x mail', 'mojave mail', 'catalina mail', 'big sur mail'],
  words: {
    outgoingServer: { en: 'Outgoing Mail Server (SMTP)', es: 'Servidor de correo saliente (SMTP)' },
    port: { en: 'Port', es: 'Puerto' },
    security: { en: 'Use TLS/SSL', es: 'Usar TLS/SSL' },
    authentication: { en: 'Authentication', es: 'Autenticación' },
  },
  securityModel: 'switch',
  securityWords: {
    starttls: { en: 'checked', es: 'marcada' },
    tls: { en: 'checked', es: 'marcada' },
    none: { en: 'cleared', es: 'sin marcar' },
  },
  steps: [
    {
      id: 'open-accounts',
      kind: 'open',
      text: { en: 'In Mail, choose Mail > Preferences… and click Accounts.', es: 'En Mail, elija Mail > Preferencias… y haga clic en Cuentas.' },
    },
    {
      id: 'open-server-settings',
      kind: 'navigate',
      text: { en: 'Select your account and click Server Settings.', es: 'Seleccione su cuenta y haga clic en Configuración del servidor.' },
      detail: {
        en: 'OS X 10.11 and earlier: on Account Information, open the Outgoing Mail Server (SMTP) pop-up menu, choose Edit SMTP Server List, select the server and click Advanced.',
        es: 'OS X 10.11 y anteriores: en Información de la cuenta, abra el menú Servidor de correo saliente (SMTP), elija Editar lista de servidores SMTP, seleccione el servidor y haga clic en Avanzado.',
      },
    },
    {
      id: 'check-server',
      kind: 'server',
      text: {
        en: 'Under Outgoing Mail Server (SMTP), check that Host Name says {server}.',
        es: 'En Servidor de correo saliente (SMTP), compruebe que Nombre del host indica {server}.',
      },
      noServer: {
        en: 'Leave Host Name under Outgoing Mail Server (SMTP) as it is: only the port changes.',
        es: 'Deje Nombre del host, en Servidor de correo saliente (SMTP), como está: solo cambia el puerto.',
      },
    },
    {
      id: 'turn-off-automatic',
      kind: 'navigate',
      text: {
        en: 'Uncheck "Automatically manage connection settings" for the outgoing server.',
        es: 'Desmarque "Gestionar automáticamente los ajustes de conexión" del servidor saliente.',
      },
      detail: {
        en: 'In OS X 10.11 and earlier the box is "Automatically detect and maintain account settings" on the Advanced tab.',
        es: 'En OS X 10.11 y anteriores la casilla es "Detectar y mantener automáticamente la configuración de la cuenta", en la pestaña Avanzado.',
      },
      expect: { en: 'The Port field and the "Use TLS/SSL" box appear.', es: 'Aparecen el campo Puerto y la casilla "Usar TLS/SSL".' },
    },
    {
      id: 'set-port',
      kind: 'port',
      text: { en: 'In Port, replace {oldPort} with {port}.', es: 'En Puerto, cambie {oldPort} por {port}.' },
      detail: {
        en: 'Older versions call it "Use custom port". 587 goes with the box on as STARTTLS, 465 as TLS from the start.',
        es: 'Las versiones antiguas lo llaman "Usar puerto personalizado". El 587 funciona con la casilla marcada como STARTTLS; el 465, como TLS directo.',
      },
    },
    {
      id: 'set-security',
      kind: 'security',
      text: { en: 'Check "Use TLS/SSL".', es: 'Marque "Usar TLS/SSL".' },
      textFor: { none: { en: 'Uncheck "Use TLS/SSL".', es: 'Desmarque "Usar TLS/SSL".' } },
      detail: {
        en: 'Older versions label it "Use Secure Sockets Layer (SSL)".',
        es: 'Las versiones antiguas la llaman "Usar Secure Sockets Layer (SSL)".',
      },
    },
    {
      id: 'set-authentication',
      kind: 'auth',
      text: { en: 'Set Authentication to Password.', es: 'Ponga Autenticación en Contraseña.' },
    },
    {
      id: 'save',
      kind: 'save',
      text: { en: 'Click Save (or OK), then close Preferences.', es: 'Haga clic en Guardar (o Aceptar) y cierre Preferencias.' },
    },
  ],
  authentication: {
    where: {
      en: 'Mail > Preferences… > Accounts > Server Settings > Outgoing Mail Server (SMTP) > Authentication',
      es: 'Mail > Preferencias… > Cuentas > Configuración del servidor > Servidor de correo saliente (SMTP) > Autenticación',
    },
    detail: {
      en: 'Password, with the same user name and password as for incoming mail.',
      es: 'Contraseña, con el mismo usuario y contraseña que el correo entrante.',
    },
  },
  checkInterval: {
    en: 'Mail > Preferences… > General > "Check for new messages"',
    es: 'Mail > Preferencias… > General > "Buscar mensajes nuevos"',
  },
  sources: [
    {
      title: 'Mail User Guide (Mail 15, macOS 12): Change Server Settings in Mail on Mac',
      url: 'https://support.apple.com/guide/mail/cpmlprefacctadv/15.0/mac/12.0',
      confirms: ['open-accounts', 'open-server-settings', 'check-server', 'turn-off-automatic', 'save'],
    },
    {
      title: 'Mail User Guide (Mail 15, macOS 12): Change Outgoing server settings in Mail on Mac',
      url: 'https://support.apple.com/guide/mail/cpmlprefsmtpserver/15.0/mac/12.0',
      confirms: ['open-accounts', 'open-server-settings', 'check-server', 'turn-off-automatic'],
    },
    {
      title: 'Apple Support: Automatically manage connection settings in Mail on your Mac',
      url: 'https://support.apple.com/en-us/HT204208',
      confirms: ['turn-off-automatic'],
    },
  ],
  checked: '2026-11',
};

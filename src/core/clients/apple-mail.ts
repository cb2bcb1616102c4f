import type { MailClient } from './types';

/**
 * Mail on macOS 13 Ventura and later. "Automatically manage connection settings" is on by default and
 * hides the port, so it has to be turned off first. One "Use TLS/SSL" switch; the port gives it meaning.
 */
export const appleMail: MailClient = {
  id: 'apple-mail',
  name: 'Apple Mail',
  platform: 'mac',
  versions: { en: 'Mail on macOS 13 Ventura and later', es: 'Mail en macOS 13 Ventura y posteriores' },
  aliases: ['apple mail', 'mac mail', 'mail app mac', 'macos mail', 'mail.app'],
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
      text: { en: 'In Mail, choose Mail > Settings… and click Accounts.', es: 'En Mail, elija Mail > Ajustes… y haga clic en Cuentas.' },
    },
    {
      id: 'open-server-settings',
      kind: 'navigate',
      text: { en: 'Select your account, then click Server Settings.', es: 'Seleccione su cuenta y haga clic en Configuración del servidor.' },
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
        en: 'Under Outgoing Mail Server (SMTP), uncheck "Automatically manage connection settings".',
        es: 'En Servidor de correo saliente (SMTP), desmarque "Gestionar automáticamente los ajustes de conexión".',
      },
      expect: {
        en: 'The Port field, the "Use TLS/SSL" box and the Authentication menu appear.',
        es: 'Aparecen el campo Puerto, la casilla "Usar TLS/SSL" y el menú Autenticación.',
      },
    },
    {
      id: 'set-port',
      kind: 'port',
      text: { en: 'In Port, replace {oldPort} with {port}.', es: 'En Puerto, cambie {oldPort} por {port}.' },
    },
    {
      id: 'set-security',
      kind: 'security',
      text: { en: 'Check "Use TLS/SSL".', es: 'Marque "Usar TLS/SSL".' },
      textFor: { none: { en: 'Uncheck "Use TLS/SSL".', es: 'Desmarque "Usar TLS/SSL".' } },
      detail: {
        en: 'With the box on, Mail uses STARTTLS on 587 and TLS from the start on 465. A wrong pair shows up as a timeout.',
        es: 'Con la casilla marcada, Mail usa STARTTLS en el 587 y TLS directo en el 465. Una pareja equivocada se ve como tiempo de espera agotado.',
      },
    },
    {
      id: 'set-authentication',
      kind: 'auth',
      text: {
        en: 'Set Authentication to Password and check the User Name and Password fields.',
        es: 'Ponga Autenticación en Contraseña y revise los campos Nombre de usuario y Contraseña.',
      },
    },
    {
      id: 'save',
      kind: 'save',
      text: { en: 'Click Save.', es: 'Haga clic en Guardar.' },
      expect: {
        en: 'Mail checks the connection and closes the sheet without an error.',
        es: 'Mail comprueba la conexión y cierra la hoja sin errores.',
      },
    },
  ],
  authentication: {
    where: {
      en: 'Mail > Settings… > Accounts > Server Settings > Outgoing Mail Server (SMTP) > Authentication',
      es: 'Mail > Ajustes… > Cuentas > Configuración del servidor > Servidor de correo saliente (SMTP) > Autenticación',
    },
    detail: {
      en: 'Password, with the same user name and password as the incoming server.',
      es: 'Contraseña, con el mismo usuario y contraseña que el servidor entrante.',
    },
  },
  checkInterval: {
    en: 'Mail > Settings… > General > "Check for new messages"',
    es: 'Mail > Ajustes… > General > "Buscar mensajes nuevos"',
  },
  sources: [
    {
      title: 'Mail User Guide: Change Server Settings in Mail on Mac',
      url: 'https://support.apple.com/guide/mail/cpmlprefacctadv/mac',
      confirms: [],
    },
    {
      title: 'Apple Support: Automatically manage connection settings in Mail on your Mac',
      url: 'https://support.apple.com/en-us/HT204208',
      confirms: [],
    },
  ],
  checked: '2026-11',
};

import type { MailClient } from './types';

/**
 * Mail on iPhone and iPad, iOS/iPadOS 17 and later. The SMTP server has one "Use SSL" switch;
 * flipping it can rewrite the port, so the port is checked after it.
 */
export const iosMail: MailClient = {
  id: 'ios-mail',
  name: 'Mail (iPhone and iPad)',
  localName: { es: 'Mail (iPhone y iPad)' },
  platform: 'ios',
  versions: { en: 'iOS and iPadOS 17 and later', es: 'iOS y iPadOS 17 y posteriores' },
  aliases: ['iphone mail', 'ipad mail', 'ios mail', 'apple mail iphone', 'mail app iphone'],
  words: {
    outgoingServer: { en: 'Outgoing Mail Server', es: 'Servidor de correo saliente' },
    port: { en: 'Server Port', es: 'Puerto del servidor' },
    security: { en: 'Use SSL', es: 'Usar SSL' },
    authentication: { en: 'Authentication', es: 'Autenticación' },
  },
  securityModel: 'switch',
  securityWords: {
    starttls: { en: 'on', es: 'activado' },
    tls: { en: 'on', es: 'activado' },
    none: { en: 'off', es: 'desactivado' },
  },
  steps: [
    {
      id: 'open-mail-accounts',
      kind: 'open',
      text: {
        en: 'Open Settings > Apps > Mail > Mail Accounts (iOS 18 and later) or Settings > Mail > Accounts (iOS 17).',
        es: 'Abra Ajustes > Apps > Mail > Cuentas de Mail (iOS 18 y posteriores) o Ajustes > Mail > Cuentas (iOS 17).',
      },
    },
    {
      id: 'open-account',
      kind: 'navigate',
      text: {
        en: 'Tap your account, then tap Account (the row with your address).',
        es: 'Toque su cuenta y después Cuenta (la fila con su dirección).',
      },
    },
    {
      id: 'open-smtp',
      kind: 'navigate',
      text: {
        en: 'Under Outgoing Mail Server, tap SMTP, then tap the Primary Server ({server}).',
        es: 'En Servidor de correo saliente, toque SMTP y después el Servidor principal ({server}).',
      },
      noServer: {
        en: 'Under Outgoing Mail Server, tap SMTP, then tap the server listed as Primary Server.',
        es: 'En Servidor de correo saliente, toque SMTP y después el servidor que figura como Servidor principal.',
      },
      expect: {
        en: 'A screen with Host Name, User Name, Password, Use SSL, Authentication and Server Port opens.',
        es: 'Se abre una pantalla con Nombre de host, Nombre de usuario, Contraseña, Usar SSL, Autenticación y Puerto del servidor.',
      },
    },
    {
      id: 'set-security',
      kind: 'security',
      text: { en: 'Turn on Use SSL.', es: 'Active Usar SSL.' },
      textFor: { none: { en: 'Turn off Use SSL.', es: 'Desactive Usar SSL.' } },
    },
    {
      id: 'set-port',
      kind: 'port',
      text: { en: 'Tap Server Port and replace {oldPort} with {port}.', es: 'Toque Puerto del servidor y cambie {oldPort} por {port}.' },
      detail: {
        en: 'Switching Use SSL can change the port, so check it last. With Use SSL on, 587 means STARTTLS and 465 means TLS from the start.',
        es: 'Al cambiar Usar SSL el puerto puede cambiar solo, así que revíselo al final. Con Usar SSL activado, el 587 es STARTTLS y el 465 es TLS directo.',
      },
    },
    {
      id: 'set-authentication',
      kind: 'auth',
      text: {
        en: 'Check that Authentication is Password and that User Name and Password are filled in.',
        es: 'Compruebe que Autenticación es Contraseña y que Nombre de usuario y Contraseña están completos.',
      },
    },
    {
      id: 'save',
      kind: 'save',
      text: { en: 'Tap Done, then Done again on the Account screen.', es: 'Toque OK y de nuevo OK en la pantalla Cuenta.' },
      expect: {
        en: 'Mail checks the server; the screen closes without "Cannot Connect".',
        es: 'Mail comprueba el servidor y la pantalla se cierra sin el aviso "No se puede conectar".',
      },
    },
  ],
  authentication: {
    where: {
      en: 'Settings > Apps > Mail > Mail Accounts > (account) > Account > SMTP > Primary Server > Authentication',
      es: 'Ajustes > Apps > Mail > Cuentas de Mail > (cuenta) > Cuenta > SMTP > Servidor principal > Autenticación',
    },
    detail: {
      en: 'Password, with the same user name and password as for incoming mail.',
      es: 'Contraseña, con el mismo usuario y contraseña que el correo entrante.',
    },
  },
  checkInterval: {
    en: 'Settings > Apps > Mail > Mail Accounts > Fetch New Data (iOS 17: Settings > Mail > Accounts > Fetch New Data)',
    es: 'Ajustes > Apps > Mail > Cuentas de Mail > Obtener datos (iOS 17: Ajustes > Mail > Cuentas > Obtener datos)',
  },
  sources: [
    {
      title: 'iPhone User Guide: Add email accounts on iPhone',
      url: 'https://support.apple.com/guide/iphone/add-email-accounts-iph44d1ae58a/ios',
      confirms: [],
    },
  ],
  checked: '2026-11',
};

import type { MailClient } from './types';

/**
 * Mail and Calendar for Windows 10/11. Microsoft ended support on 31 December 2024 and the app can no
 * longer send or receive since then; people still search for it, so its steps move the account to
 * the new Outlook and set the port there, with the new Outlook's labels. `words` keep Mail's own
 * labels, which people remember: one "Outgoing (SMTP) email server" field held the server and the port
 * ("mail.example.net:587"), and "Require SSL for outgoing email" was a single box.
 */
export const windowsMail: MailClient = {
  id: 'windows-mail',
  name: 'Windows Mail (Mail and Calendar)',
  localName: { es: 'Correo de Windows (Correo y Calendario)' },
  platform: 'windows',
  versions: { en: 'Mail and Calendar app, Windows 10 and 11 (retired)', es: 'Aplicación Correo y Calendario, Windows 10 y 11 (retirada)' },
  aliases: ['windows mail', 'mail and calendar', 'windows 10 mail', 'windows 11 mail', 'correo de windows'],
  words: {
    outgoingServer: { en: 'Outgoing (SMTP) email server', es: 'Servidor de correo electrónico saliente (SMTP)' },
    port: { en: 'Outgoing (SMTP) email server, after the colon', es: 'Servidor de correo electrónico saliente (SMTP), tras los dos puntos' },
    security: { en: 'Require SSL for outgoing email', es: 'Requerir SSL para el correo electrónico saliente' },
    authentication: { en: 'Outgoing server requires authentication', es: 'El servidor saliente requiere autenticación' },
  },
  securityModel: 'switch',
  securityWords: {
    starttls: { en: 'checked', es: 'marcada' },
    tls: { en: 'checked', es: 'marcada' },
    none: { en: 'cleared', es: 'sin marcar' },
  },
  steps: [
    {
      id: 'open-new-outlook',
      kind: 'open',
      text: {
        en: 'Open the new Outlook for Windows (Start > Outlook). If it is missing, install "Outlook for Windows" from the Microsoft Store.',
        es: 'Abra el nuevo Outlook para Windows (Inicio > Outlook). Si no lo tiene, instale "Outlook para Windows" desde Microsoft Store.',
      },
      detail: {
        en: 'Mail and Calendar no longer sends or receives, so the port cannot be fixed there.',
        es: 'Correo y Calendario ya no envía ni recibe, así que el puerto no se puede arreglar ahí.',
      },
    },
    {
      id: 'add-account',
      kind: 'navigate',
      text: {
        en: 'Go to Settings > Accounts > Email accounts, select Add account, type your address and choose IMAP (or POP).',
        es: 'Vaya a Configuración > Cuentas > Cuentas de correo, seleccione Agregar cuenta, escriba su dirección y elija IMAP (o POP).',
      },
      detail: {
        en: 'If the account is already listed (switching from Mail can bring it along), the new Outlook cannot change its port: select Manage > Remove first. With IMAP the mail stays on the server; with POP, ask your provider first.',
        es: 'Si la cuenta ya figura en la lista (al pasar desde Correo puede venir con ella), el nuevo Outlook no puede cambiar su puerto: seleccione antes Administrar > Quitar. Con IMAP el correo sigue en el servidor; con POP, consulte antes a su proveedor.',
      },
      expect: {
        en: 'A form with the incoming and outgoing server fields appears (select Show more if they are hidden).',
        es: 'Aparece un formulario con los servidores de entrada y salida (seleccione Mostrar más si están ocultos).',
      },
    },
    {
      id: 'set-server',
      kind: 'server',
      text: { en: 'In SMTP outgoing server, enter {server}.', es: 'En Servidor de salida SMTP, escriba {server}.' },
      noServer: {
        en: 'In SMTP outgoing server, enter the server name Mail had in "Outgoing (SMTP) email server", without the colon and the port after it.',
        es: 'En Servidor de salida SMTP, escriba el nombre de servidor que tenía Correo en "Servidor de correo electrónico saliente (SMTP)", sin los dos puntos ni el puerto que los sigue.',
      },
    },
    {
      id: 'set-security',
      kind: 'security',
      text: { en: 'Set the outgoing Secure connection type to STARTTLS.', es: 'Ponga el Tipo de conexión segura de salida en STARTTLS.' },
      textFor: {
        tls: { en: 'Set the outgoing Secure connection type to SSL/TLS.', es: 'Ponga el Tipo de conexión segura de salida en SSL/TLS.' },
        none: { en: 'Set the outgoing Secure connection type to None.', es: 'Ponga el Tipo de conexión segura de salida en Ninguno.' },
      },
      detail: {
        en: 'Mail had a single "Require SSL for outgoing email" box for this; the new Outlook names the choice.',
        es: 'Correo tenía para esto una sola casilla, "Requerir SSL para el correo electrónico saliente"; el nuevo Outlook nombra la opción.',
      },
    },
    {
      id: 'set-port',
      kind: 'port',
      text: {
        en: 'In the outgoing Port field, enter {port} (not {oldPort}).',
        es: 'En el campo Puerto de salida, escriba {port} (no {oldPort}).',
      },
      detail: {
        en: 'Mail wrote the port after the server name, as in mail.example.net:{oldPort}; the new Outlook has a field of its own for it.',
        es: 'Correo escribía el puerto tras el nombre del servidor, como en mail.example.net:{oldPort}; el nuevo Outlook tiene un campo propio para él.',
      },
    },
    {
      id: 'save',
      kind: 'save',
      text: { en: 'Enter your password and select Continue.', es: 'Indique su contraseña y seleccione Continuar.' },
      expect: { en: 'The account appears in the new Outlook.', es: 'La cuenta aparece en el nuevo Outlook.' },
    },
  ],
  authentication: {
    where: {
      en: 'New Outlook: Settings > Accounts > Email accounts > Add account > the IMAP or POP form (SMTP username and password). In Mail it was "Outgoing server requires authentication" with "Use the same user name and password for sending email"',
      es: 'Nuevo Outlook: Configuración > Cuentas > Cuentas de correo > Agregar cuenta > el formulario IMAP o POP (usuario y contraseña de SMTP). En Correo era "El servidor saliente requiere autenticación" con "Usar el mismo nombre de usuario y contraseña para enviar correo"',
    },
    detail: {
      en: 'Use the same user name and password as for incoming mail.',
      es: 'Use el mismo usuario y contraseña que para el correo entrante.',
    },
  },
  checkInterval: null,
  sources: [
    {
      title: 'Microsoft Support: Outlook for Windows: the future of Mail, Calendar and People on Windows 11',
      url: 'https://support.microsoft.com/en-us/office/outlook-for-windows-the-future-of-mail-calendar-and-people-on-windows-11-715fc27c-e0f4-4652-9174-47faa751b199',
      confirms: [],
    },
  ],
  checked: '2026-11',
  retired: {
    since: '2024-12-31',
    note: {
      en: 'Microsoft retired Mail and Calendar: since 31 December 2024 it can no longer send or receive email. Move the account to the new Outlook for Windows; the steps below do that and set the port there.',
      es: 'Microsoft retiró Correo y Calendario: desde el 31 de diciembre de 2024 ya no puede enviar ni recibir correo. Pase la cuenta al nuevo Outlook para Windows; los pasos siguientes lo hacen y cambian el puerto ahí.',
    },
    successor: 'outlook-new',
  },
};

import type { MailClient } from './types';

/**
 * Mail and Calendar for Windows 10/11. Microsoft ended support on 31 December 2024 and the app can no
 * longer send or receive since then; people still search for it, so its steps move the account to
 * the new Outlook and change the port there.
 */
export const windowsMail: MailClient = {
  id: 'windows-mail',
  name: 'Windows Mail (Mail and Calendar)',
  platform: 'windows',
  versions: { en: 'Mail and Calendar app, Windows 10 and 11 (retired)', es: 'Aplicación Correo y Calendario, Windows 10 y 11 (retirada)' },
  aliases: ['windows mail', 'mail and calendar', 'windows 10 mail', 'windows 11 mail', 'correo de windows'],
  words: {
    outgoingServer: { en: 'SMTP outgoing server', es: 'Servidor de salida SMTP' },
    port: { en: 'Port', es: 'Puerto' },
    security: { en: 'Secure connection type', es: 'Tipo de conexión segura' },
    authentication: { en: 'SMTP username and password', es: 'Nombre de usuario y contraseña de SMTP' },
  },
  securityModel: 'named',
  securityWords: {
    starttls: { en: 'STARTTLS', es: 'STARTTLS' },
    tls: { en: 'SSL/TLS', es: 'SSL/TLS' },
    none: { en: 'None', es: 'Ninguno' },
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
        en: 'Go to Settings > Accounts > Email accounts > Add account, type your address and choose IMAP (or POP).',
        es: 'Vaya a Configuración > Cuentas > Cuentas de correo > Agregar cuenta, escriba su dirección y elija IMAP (o POP).',
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
    },
    {
      id: 'set-security',
      kind: 'security',
      text: { en: 'Set the outgoing Secure connection type to {security}.', es: 'Ponga el Tipo de conexión segura de salida en {security}.' },
    },
    {
      id: 'set-port',
      kind: 'port',
      text: {
        en: 'In the outgoing Port field, use {port} instead of {oldPort}.',
        es: 'En el campo Puerto de salida, use {port} en lugar de {oldPort}.',
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
      en: 'New Outlook: Settings > Accounts > Email accounts > (IMAP/POP account) advanced server settings',
      es: 'Nuevo Outlook: Configuración > Cuentas > Cuentas de correo > configuración avanzada del servidor (cuenta IMAP/POP)',
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

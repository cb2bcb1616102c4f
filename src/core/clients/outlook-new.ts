import type { MailClient } from './types';

/**
 * The new Outlook for Windows (the app that replaced Mail and Calendar). No Microsoft page describes a
 * place to change an existing IMAP or POP account's outgoing server or port: neither "Sync settings"
 * nor "Repair" is documented for it. So the account is removed and added again with the right port;
 * on IMAP the mail stays on the server and syncs back. The add-account form's fields are named below.
 */
export const outlookNew: MailClient = {
  id: 'outlook-new',
  name: 'New Outlook for Windows',
  localName: { es: 'Nuevo Outlook para Windows' },
  platform: 'windows',
  versions: { en: 'New Outlook for Windows (Windows 10 and 11)', es: 'Nuevo Outlook para Windows (Windows 10 y 11)' },
  aliases: ['new outlook', 'outlook new', 'outlook for windows', 'outlook app', 'monarch', 'olk'],
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
      id: 'open-settings',
      kind: 'open',
      text: { en: 'Select Settings (the gear at the top right).', es: 'Seleccione Configuración (el engranaje arriba a la derecha).' },
    },
    {
      id: 'why-remove',
      kind: 'info',
      text: {
        en: 'Go to Accounts > Email accounts (Your accounts in newer versions). The new Outlook cannot change the outgoing port of an account it already has, so you remove the account and add it again with the right port.',
        es: 'Vaya a Cuentas > Cuentas de correo (Sus cuentas en versiones recientes). El nuevo Outlook no permite cambiar el puerto de salida de una cuenta que ya tiene, así que la quitará y la volverá a agregar con el puerto correcto.',
      },
      detail: {
        en: 'With IMAP your mail stays on the server and comes back once the account is added again. With POP, mail kept only on this computer can be lost: ask your provider before removing a POP account. Outlook.com, Microsoft 365 and Gmail accounts do not use port 25 and need no change.',
        es: 'Con IMAP el correo sigue en el servidor y vuelve a aparecer al agregar la cuenta. Con POP, el correo guardado solo en este equipo puede perderse: consulte a su proveedor antes de quitar una cuenta POP. Las cuentas de Outlook.com, Microsoft 365 y Gmail no usan el puerto 25 y no hay que cambiarlas.',
      },
    },
    {
      id: 'remove-account',
      kind: 'navigate',
      text: {
        en: 'Select Manage next to the account, then Remove, and confirm.',
        es: 'Seleccione Administrar junto a la cuenta, después Quitar, y confirme.',
      },
    },
    {
      id: 'add-account',
      kind: 'navigate',
      text: {
        en: 'Select Add account, type your email address and choose IMAP (or POP) when Outlook asks for the account type.',
        es: 'Seleccione Agregar cuenta, escriba su dirección y elija IMAP (o POP) cuando Outlook pregunte el tipo de cuenta.',
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
        en: 'In SMTP outgoing server, enter the outgoing server name your provider gives on its help pages.',
        es: 'En Servidor de salida SMTP, escriba el nombre del servidor de salida que indica su proveedor en sus páginas de ayuda.',
      },
    },
    {
      id: 'set-security',
      kind: 'security',
      text: {
        en: 'Set the outgoing Secure connection type to {security}.',
        es: 'Ponga el Tipo de conexión segura de salida en {security}.',
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
        en: '587 goes with STARTTLS and 465 with SSL/TLS; a mismatch ends in a timeout.',
        es: 'El 587 va con STARTTLS y el 465 con SSL/TLS; si no encajan verá un tiempo de espera agotado.',
      },
    },
    {
      id: 'save',
      kind: 'save',
      text: { en: 'Enter your password and select Continue.', es: 'Indique su contraseña y seleccione Continuar.' },
      expect: {
        en: 'The account appears again and its mail syncs back from the server.',
        es: 'La cuenta vuelve a aparecer y su correo se sincroniza desde el servidor.',
      },
    },
    {
      id: 'send-test',
      kind: 'verify',
      text: { en: 'Send yourself a test message.', es: 'Envíese un mensaje de prueba.' },
    },
  ],
  authentication: {
    where: {
      en: 'Settings > Accounts > Email accounts > Add account > the IMAP or POP form (SMTP username and password); an account already added cannot be changed there',
      es: 'Configuración > Cuentas > Cuentas de correo > Agregar cuenta > el formulario IMAP o POP (usuario y contraseña de SMTP); una cuenta ya agregada no se puede cambiar ahí',
    },
    detail: {
      en: 'Use the same user name (usually your full email address) and password as for incoming mail.',
      es: 'Use el mismo nombre de usuario (normalmente su dirección completa) y contraseña que para el correo entrante.',
    },
  },
  checkInterval: null,
  sources: [
    {
      title: 'Microsoft Support: POP and IMAP email settings for Outlook',
      url: 'https://support.microsoft.com/en-us/office/pop-and-imap-email-settings-for-outlook-8361e398-8af4-4e97-b147-6c6c4ac95353',
      confirms: [],
    },
  ],
  checked: '2026-11',
};

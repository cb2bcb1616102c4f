import type { MailClient } from './types';

/**
 * The new Outlook for Windows (the app that replaced Mail and Calendar). For IMAP and POP accounts
 * the outgoing server, port and "Secure connection type" sit in the account's advanced server
 * settings; Microsoft has renamed the entry point between releases, so the steps name both.
 */
export const outlookNew: MailClient = {
  id: 'outlook-new',
  name: 'New Outlook for Windows',
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
      id: 'open-email-accounts',
      kind: 'navigate',
      text: {
        en: 'Go to Accounts > Email accounts and select Manage next to your account.',
        es: 'Vaya a Cuentas > Cuentas de correo y seleccione Administrar junto a su cuenta.',
      },
    },
    {
      id: 'open-server-settings',
      kind: 'navigate',
      text: {
        en: "Open the account's server settings (Sync settings or Repair, depending on your version) and show the advanced settings.",
        es: 'Abra la configuración del servidor de la cuenta (Configuración de sincronización o Reparar, según la versión) y muestre la configuración avanzada.',
      },
      detail: {
        en: 'Only IMAP and POP accounts have these fields; Outlook.com, Microsoft 365 and Gmail accounts do not use port 25 and need no change.',
        es: 'Solo las cuentas IMAP y POP tienen estos campos; las cuentas de Outlook.com, Microsoft 365 y Gmail no usan el puerto 25 y no hay que cambiarlas.',
      },
    },
    {
      id: 'check-server',
      kind: 'server',
      text: { en: 'Check that SMTP outgoing server says {server}.', es: 'Compruebe que Servidor de salida SMTP indica {server}.' },
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
        en: 'In the outgoing Port field, replace {oldPort} with {port}.',
        es: 'En el campo Puerto de salida, cambie {oldPort} por {port}.',
      },
      detail: {
        en: '587 goes with STARTTLS and 465 with SSL/TLS; a mismatch ends in a timeout.',
        es: 'El 587 va con STARTTLS y el 465 con SSL/TLS; si no encajan verá un tiempo de espera agotado.',
      },
    },
    {
      id: 'save',
      kind: 'save',
      text: { en: 'Select Continue (or Save) and enter your password if asked.', es: 'Seleccione Continuar (o Guardar) e indique su contraseña si se la pide.' },
      expect: {
        en: 'Outlook checks the servers and the account shows no warning.',
        es: 'Outlook comprueba los servidores y la cuenta no muestra ninguna advertencia.',
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
      en: 'Settings > Accounts > Email accounts > Manage > advanced server settings (SMTP username and password)',
      es: 'Configuración > Cuentas > Cuentas de correo > Administrar > configuración avanzada del servidor (usuario y contraseña de SMTP)',
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
    },
  ],
  checked: '2026-11',
};

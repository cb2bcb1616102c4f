import type { MailClient } from './types';

/**
 * Windows Live Mail 2012 (Windows Essentials 2012, unsupported since January 2017 but still in use).
 * One "requires a secure connection (SSL)" box per server; on 587 it means STARTTLS, on 465 TLS
 * from the start. Microsoft's help pages for it were taken down with the product.
 */
export const windowsLiveMail: MailClient = {
  id: 'windows-live-mail',
  name: 'Windows Live Mail 2012',
  platform: 'windows',
  versions: { en: 'Windows Live Mail 2012 (Windows Essentials 2012)', es: 'Windows Live Mail 2012 (Windows Essentials 2012)' },
  aliases: ['windows live mail', 'live mail', 'wlm', 'windows essentials mail', 'outlook express'],
  words: {
    outgoingServer: { en: 'Outgoing mail (SMTP)', es: 'Correo saliente (SMTP)' },
    port: { en: 'Server Port Numbers', es: 'Números de puerto del servidor' },
    security: { en: 'This server requires a secure connection (SSL)', es: 'Este servidor requiere una conexión segura (SSL)' },
    authentication: { en: 'My server requires authentication', es: 'Mi servidor requiere autenticación' },
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
      text: {
        en: 'Click the Accounts tab, select your account in the folder list and click Properties.',
        es: 'Haga clic en la pestaña Cuentas, seleccione su cuenta en la lista de carpetas y haga clic en Propiedades.',
      },
      detail: {
        en: 'Another way: the blue File menu > Options > Email accounts…, select the account, Properties.',
        es: 'Otra forma: menú Archivo azul > Opciones > Cuentas de correo electrónico…, seleccione la cuenta, Propiedades.',
      },
    },
    {
      id: 'check-server',
      kind: 'server',
      text: {
        en: 'On the Servers tab, check that Outgoing mail (SMTP) says {server}.',
        es: 'En la pestaña Servidores, compruebe que Correo saliente (SMTP) indica {server}.',
      },
      noServer: {
        en: 'On the Servers tab, leave Outgoing mail (SMTP) as it is: only the port changes.',
        es: 'En la pestaña Servidores, deje Correo saliente (SMTP) como está: solo cambia el puerto.',
      },
    },
    {
      id: 'set-authentication',
      kind: 'auth',
      text: {
        en: 'Still on Servers, check "My server requires authentication"; its Settings… should say "Use same settings as my incoming mail server".',
        es: 'En Servidores, marque "Mi servidor requiere autenticación"; en Configuración… debe figurar "Usar la misma configuración que el servidor de correo entrante".',
      },
    },
    {
      id: 'open-advanced',
      kind: 'navigate',
      text: { en: 'Open the Advanced tab.', es: 'Abra la pestaña Opciones avanzadas.' },
    },
    {
      id: 'set-security',
      kind: 'security',
      text: {
        en: 'Under Outgoing mail (SMTP), check "This server requires a secure connection (SSL)".',
        es: 'En Correo saliente (SMTP), marque "Este servidor requiere una conexión segura (SSL)".',
      },
      textFor: {
        none: {
          en: 'Under Outgoing mail (SMTP), clear "This server requires a secure connection (SSL)".',
          es: 'En Correo saliente (SMTP), desmarque "Este servidor requiere una conexión segura (SSL)".',
        },
      },
    },
    {
      id: 'set-port',
      kind: 'port',
      text: {
        en: 'In Outgoing mail (SMTP), replace {oldPort} with {port}.',
        es: 'En Correo saliente (SMTP), cambie {oldPort} por {port}.',
      },
      detail: {
        en: 'Ticking the SSL box can change the port, so check it last. 587 goes with STARTTLS, 465 with TLS from the start; a mismatch ends in a timeout.',
        es: 'Marcar SSL puede cambiar el puerto, así que revíselo al final. El 587 va con STARTTLS y el 465 con TLS directo; si no encajan verá un tiempo de espera agotado.',
      },
    },
    {
      id: 'save',
      kind: 'save',
      text: { en: 'Click OK.', es: 'Haga clic en Aceptar.' },
    },
    {
      id: 'send-test',
      kind: 'verify',
      text: { en: 'Send yourself a test message and click Send/Receive.', es: 'Envíese un mensaje de prueba y haga clic en Enviar y recibir.' },
      expect: { en: 'The Outbox empties without an error.', es: 'La Bandeja de salida se vacía sin errores.' },
    },
  ],
  authentication: {
    where: {
      en: 'Accounts > Properties > Servers tab > Outgoing Mail Server',
      es: 'Cuentas > Propiedades > pestaña Servidores > Servidor de correo saliente',
    },
    detail: {
      en: 'Check "My server requires authentication" and, under Settings…, "Use same settings as my incoming mail server".',
      es: 'Marque "Mi servidor requiere autenticación" y, en Configuración…, "Usar la misma configuración que el servidor de correo entrante".',
    },
  },
  checkInterval: {
    en: 'File > Options > Mail > General > "Check for new messages every N minute(s)"',
    es: 'Archivo > Opciones > Correo > General > "Comprobar si hay mensajes nuevos cada N minutos"',
  },
  sources: [
    {
      title: 'Microsoft Support: POP and IMAP email settings for Outlook (Windows Live Mail help is retired)',
      url: 'https://support.microsoft.com/en-us/office/pop-and-imap-email-settings-for-outlook-8361e398-8af4-4e97-b147-6c6c4ac95353',
      confirms: [],
    },
  ],
  checked: '2026-11',
};

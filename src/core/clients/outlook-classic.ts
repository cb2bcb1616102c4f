import type { MailClient } from './types';

/**
 * Classic Outlook for Windows (2010 to 2021 and Microsoft 365). Current builds list
 * None / SSL/TLS / STARTTLS / Auto; older builds say SSL and TLS for the same two choices.
 * Newer Microsoft 365 builds may open "IMAP Account Settings" (or "POP Account Settings") instead of
 * the old dialog: one page whose Outgoing mail part holds Server, Port, Encryption method and, below
 * them, the SMTP authentication box, so there is no More Settings there.
 */
export const outlookClassic: MailClient = {
  id: 'outlook-classic',
  name: 'Microsoft Outlook (classic)',
  localName: { es: 'Microsoft Outlook (clásico)' },
  platform: 'windows',
  versions: {
    en: 'Outlook 2010, 2013, 2016, 2019, 2021 and classic Outlook for Microsoft 365',
    es: 'Outlook 2010, 2013, 2016, 2019, 2021 y Outlook clásico de Microsoft 365',
  },
  aliases: ['outlook', 'outlook 2010', 'outlook 2013', 'outlook 2016', 'outlook 2019', 'outlook 2021', 'outlook 365', 'office 365', 'classic outlook'],
  words: {
    outgoingServer: { en: 'Outgoing server (SMTP)', es: 'Servidor de salida (SMTP)' },
    port: { en: 'Server Port Numbers', es: 'Números de puerto del servidor' },
    security: {
      en: 'Use the following type of encrypted connection',
      es: 'Usar el siguiente tipo de conexión cifrada',
    },
    authentication: {
      en: 'My outgoing server (SMTP) requires authentication',
      es: 'Mi servidor de salida (SMTP) requiere autenticación',
    },
  },
  securityModel: 'named',
  securityWords: {
    starttls: { en: 'STARTTLS (older builds: TLS)', es: 'STARTTLS (versiones antiguas: TLS)' },
    tls: { en: 'SSL/TLS (older builds: SSL)', es: 'SSL/TLS (versiones antiguas: SSL)' },
    none: { en: 'None', es: 'Ninguno' },
  },
  steps: [
    {
      id: 'open-account-settings',
      kind: 'open',
      text: {
        en: 'Click File > Account Settings > Account Settings.',
        es: 'Haga clic en Archivo > Configuración de la cuenta > Configuración de la cuenta…',
      },
      detail: {
        en: 'With Outlook closed, Control Panel > Mail > Email Accounts… opens the same list.',
        es: 'Con Outlook cerrado, Panel de control > Correo > Cuentas de correo electrónico… abre la misma lista.',
      },
    },
    {
      id: 'change-account',
      kind: 'navigate',
      text: {
        en: 'On the Email tab, select your account and click Change.',
        es: 'En la pestaña Correo electrónico, seleccione su cuenta y haga clic en Cambiar…',
      },
      detail: {
        en: 'If a window titled "IMAP Account Settings" or "POP Account Settings" opens instead, everything is on that page: under Outgoing mail set Server, Port and Encryption method as below, check "My outgoing (SMTP) server requires authentication" under them with "Use same settings as my incoming mail server", then select Save.',
        es: 'Si en su lugar se abre "Configuración de la cuenta IMAP" o "Configuración de la cuenta POP", todo está en esa página: en Correo saliente ajuste Servidor, Puerto y Método de cifrado como se indica abajo, marque debajo "Mi servidor de salida (SMTP) requiere autenticación" con "Utilizar la misma configuración que mi servidor de correo de entrada" y seleccione Guardar.',
      },
    },
    {
      id: 'check-server',
      kind: 'server',
      text: {
        en: 'Check that Outgoing mail server (SMTP) says {server}, then click More Settings.',
        es: 'Compruebe que Servidor de correo saliente (SMTP) indica {server} y haga clic en Más configuraciones…',
      },
      noServer: {
        en: 'Leave Outgoing mail server (SMTP) as it is and click More Settings.',
        es: 'Deje Servidor de correo saliente (SMTP) como está y haga clic en Más configuraciones…',
      },
    },
    {
      id: 'outgoing-server-auth',
      kind: 'auth',
      text: {
        en: 'On the Outgoing Server tab, check "My outgoing server (SMTP) requires authentication" and keep "Use same settings as my incoming mail server".',
        es: 'En la pestaña Servidor de salida, marque "Mi servidor de salida (SMTP) requiere autenticación" y deje "Utilizar la misma configuración que mi servidor de correo de entrada".',
      },
    },
    {
      id: 'set-security',
      kind: 'security',
      text: {
        en: 'On the Advanced tab, for Outgoing server (SMTP), set "Use the following type of encrypted connection" to {security}.',
        es: 'En la pestaña Avanzadas, para Servidor de salida (SMTP), ponga "Usar el siguiente tipo de conexión cifrada" en {security}.',
      },
      detail: {
        en: '587 goes with STARTTLS (called TLS in older builds); 465 goes with SSL/TLS (called SSL in older builds). Avoid Auto.',
        es: 'El 587 va con STARTTLS (TLS en versiones antiguas); el 465 va con SSL/TLS (SSL en versiones antiguas). Evite Automático.',
      },
    },
    {
      id: 'set-port',
      kind: 'port',
      text: {
        en: 'In Outgoing server (SMTP), replace {oldPort} with {port}.',
        es: 'En Servidor de salida (SMTP), cambie {oldPort} por {port}.',
      },
      detail: {
        en: 'Changing the encryption can rewrite the port, so check it last. A port and encryption that do not match end in a timeout, not a password error.',
        es: 'Cambiar el cifrado puede reescribir el puerto, así que revíselo al final. Si puerto y cifrado no encajan verá un tiempo de espera agotado, no un error de contraseña.',
      },
    },
    {
      id: 'save-and-test',
      kind: 'save',
      text: {
        en: 'Click OK, then Next: Outlook tests the settings. Click Close, then Finish.',
        es: 'Haga clic en Aceptar y luego en Siguiente: Outlook prueba la configuración. Haga clic en Cerrar y después en Finalizar.',
      },
      expect: {
        en: '"Send test email message" shows Completed.',
        es: '"Enviar mensaje de correo electrónico de prueba" aparece como Completado.',
      },
    },
  ],
  authentication: {
    where: {
      en: 'File > Account Settings > Account Settings… > Change… > More Settings… > Outgoing Server tab (in the newer "IMAP Account Settings" or "POP Account Settings" window: under Outgoing mail, below Encryption method)',
      es: 'Archivo > Configuración de la cuenta > Configuración de la cuenta… > Cambiar… > Más configuraciones… > pestaña Servidor de salida (en la ventana más reciente "Configuración de la cuenta IMAP" o "POP": en Correo saliente, debajo de Método de cifrado)',
    },
    detail: {
      en: 'Check "My outgoing server (SMTP) requires authentication" with "Use same settings as my incoming mail server".',
      es: 'Marque "Mi servidor de salida (SMTP) requiere autenticación" con "Utilizar la misma configuración que mi servidor de correo de entrada".',
    },
  },
  checkInterval: {
    en: 'Send / Receive > Send/Receive Groups > Define Send/Receive Groups… > "Schedule an automatic send/receive every N minutes"',
    es: 'Enviar y recibir > Grupos de envío y recepción > Definir grupos de envío y recepción… > "Programar envío y recepción automáticos cada N minutos"',
  },
  sources: [
    {
      title: 'Microsoft Support: Change email account settings (POP and IMAP accounts in Outlook)',
      url: 'https://support.microsoft.com/en-us/office/change-email-account-settings-58b62e89-6a9b-467b-8865-d5633fcacc3f',
      confirms: ['open-account-settings', 'change-account'],
    },
    {
      title: 'Microsoft Support: Change or update email account settings in Outlook for Windows',
      url: 'https://support.microsoft.com/en-us/office/change-or-update-email-account-settings-in-outlook-for-windows-560a9065-3c3a-4ec5-a24f-cdb9a8d622a2',
      confirms: [],
    },
    {
      title: 'Microsoft Support: POP and IMAP email settings for Outlook',
      url: 'https://support.microsoft.com/en-us/office/pop-and-imap-email-settings-for-outlook-8361e398-8af4-4e97-b147-6c6c4ac95353',
      confirms: [],
    },
  ],
  checked: '2026-11',
};

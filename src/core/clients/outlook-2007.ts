import type { MailClient } from './types';

/**
 * Outlook 2007. Its Advanced tab names the security: TLS means STARTTLS (port 587) and SSL means
 * TLS from the first byte (port 465). Auto guesses, so the steps pick a named choice instead.
 */
export const outlook2007: MailClient = {
  id: 'outlook-2007',
  name: 'Microsoft Office Outlook 2007',
  platform: 'windows',
  versions: { en: 'Outlook 2007 (Office 2007)', es: 'Outlook 2007 (Office 2007)' },
  aliases: ['outlook 2007', 'office 2007', 'outlook 12'],
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
    starttls: { en: 'TLS', es: 'TLS' },
    tls: { en: 'SSL', es: 'SSL' },
    none: { en: 'None', es: 'Ninguno' },
  },
  steps: [
    {
      id: 'open-account-settings',
      kind: 'open',
      text: { en: 'On the Tools menu, click Account Settings.', es: 'En el menú Herramientas, haga clic en Configuración de la cuenta.' },
    },
    {
      id: 'change-account',
      kind: 'navigate',
      text: {
        en: 'On the E-mail tab, select your account and click Change.',
        es: 'En la pestaña Correo electrónico, seleccione su cuenta y haga clic en Cambiar.',
      },
    },
    {
      id: 'check-server',
      kind: 'server',
      text: {
        en: 'Check that Outgoing mail server (SMTP) says {server}, then click More Settings.',
        es: 'Compruebe que Servidor de correo saliente (SMTP) indica {server} y haga clic en Más configuraciones.',
      },
      noServer: {
        en: 'Leave Outgoing mail server (SMTP) as it is and click More Settings.',
        es: 'Deje Servidor de correo saliente (SMTP) como está y haga clic en Más configuraciones.',
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
        en: 'On the Advanced tab, next to Outgoing server (SMTP), set "Use the following type of encrypted connection" to {security}.',
        es: 'En la pestaña Avanzadas, junto a Servidor de salida (SMTP), ponga "Usar el siguiente tipo de conexión cifrada" en {security}.',
      },
      detail: {
        en: 'TLS goes with 587 and SSL with 465. Avoid Auto: it can settle on the wrong one.',
        es: 'TLS va con el 587 y SSL con el 465. Evite Automático: puede elegir la equivocada.',
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
        en: 'Choosing the encryption can rewrite the port, so check it after the previous step. A mismatch shows up as a timeout.',
        es: 'Elegir el cifrado puede cambiar el puerto, así que revíselo después del paso anterior. Si no encajan verá un tiempo de espera agotado.',
      },
    },
    {
      id: 'save-and-test',
      kind: 'save',
      text: {
        en: 'Click OK, then Test Account Settings… to try it. Close the test, click Next and then Finish.',
        es: 'Haga clic en Aceptar y luego en Probar configuración de la cuenta… Cierre la prueba, haga clic en Siguiente y después en Finalizar.',
      },
      expect: {
        en: 'The test shows "Send test e-mail message" as Completed.',
        es: 'La prueba muestra "Enviar mensaje de correo electrónico de prueba" como Completada.',
      },
    },
  ],
  authentication: {
    where: {
      en: 'Tools > Account Settings > E-mail > Change > More Settings > Outgoing Server tab',
      es: 'Herramientas > Configuración de la cuenta > Correo electrónico > Cambiar > Más configuraciones > pestaña Servidor de salida',
    },
    detail: {
      en: 'Check "My outgoing server (SMTP) requires authentication" with "Use same settings as my incoming mail server".',
      es: 'Marque "Mi servidor de salida (SMTP) requiere autenticación" con "Utilizar la misma configuración que mi servidor de correo de entrada".',
    },
  },
  checkInterval: {
    en: 'Tools > Send/Receive > Send/Receive Settings > Define Send/Receive Groups > "Schedule an automatic send/receive every N minutes"',
    es: 'Herramientas > Enviar y recibir > Configuración de Enviar y recibir > Definir grupos de envío y recepción > "Programar envío y recepción automáticos cada N minutos"',
  },
  sources: [
    {
      title: 'Microsoft Office Online (Outlook 2007): Change e-mail account settings (retired page)',
      url: 'https://office.microsoft.com/en-us/outlook-help/change-email-account-settings-HP010006899.aspx',
      confirms: ['open-account-settings'],
    },
  ],
  checked: '2026-11',
};

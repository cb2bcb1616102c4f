import type { MailClient } from './types';

/**
 * Outlook 2003 (and 2002, whose dialogs are the same). One "encrypted connection (SSL)" checkbox per
 * server: on 587 Outlook upgrades with STARTTLS, on 465 it starts TLS at once, so the port decides.
 * Microsoft's own page for this dialog was retired with Office 2003; the path below follows it.
 */
export const outlook2003: MailClient = {
  id: 'outlook-2003',
  name: 'Microsoft Office Outlook 2003',
  platform: 'windows',
  versions: { en: 'Outlook 2003 (Office 2003), also Outlook 2002', es: 'Outlook 2003 (Office 2003), también Outlook 2002' },
  aliases: ['outlook 2003', 'outlook 2002', 'outlook xp', 'office 2003'],
  words: {
    outgoingServer: { en: 'Outgoing server (SMTP)', es: 'Servidor de salida (SMTP)' },
    port: { en: 'Server Port Numbers', es: 'Números de puerto del servidor' },
    security: {
      en: 'This server requires an encrypted connection (SSL)',
      es: 'Este servidor precisa una conexión cifrada (SSL)',
    },
    authentication: {
      en: 'My outgoing server (SMTP) requires authentication',
      es: 'Mi servidor de salida (SMTP) requiere autenticación',
    },
  },
  securityModel: 'switch',
  securityWords: {
    starttls: { en: 'checked', es: 'marcada' },
    tls: { en: 'checked', es: 'marcada' },
    none: { en: 'cleared', es: 'sin marcar' },
  },
  steps: [
    {
      id: 'open-email-accounts',
      kind: 'open',
      text: { en: 'On the Tools menu, click E-mail Accounts.', es: 'En el menú Herramientas, haga clic en Cuentas de correo electrónico.' },
    },
    {
      id: 'view-existing-accounts',
      kind: 'navigate',
      text: {
        en: 'Select "View or change existing e-mail accounts" and click Next.',
        es: 'Seleccione "Ver o cambiar cuentas de correo electrónico existentes" y haga clic en Siguiente.',
      },
    },
    {
      id: 'change-account',
      kind: 'navigate',
      text: { en: 'Select your e-mail account in the list and click Change.', es: 'Seleccione su cuenta de correo en la lista y haga clic en Cambiar.' },
      expect: {
        en: 'A window with your name, e-mail address and both server names opens.',
        es: 'Se abre una ventana con su nombre, su dirección y los nombres de los dos servidores.',
      },
    },
    {
      id: 'check-server',
      kind: 'server',
      text: {
        en: 'Check that Outgoing mail server (SMTP) says {server}.',
        es: 'Compruebe que Servidor de correo saliente (SMTP) indica {server}.',
      },
      noServer: {
        en: 'Leave Outgoing mail server (SMTP) as it is: only the port changes.',
        es: 'Deje Servidor de correo saliente (SMTP) como está: solo cambia el puerto.',
      },
    },
    {
      id: 'open-more-settings',
      kind: 'navigate',
      text: { en: 'Click More Settings.', es: 'Haga clic en Más configuraciones.' },
    },
    {
      id: 'outgoing-server-auth',
      kind: 'auth',
      text: {
        en: 'On the Outgoing Server tab, check "My outgoing server (SMTP) requires authentication" and choose "Use same settings as my incoming mail server".',
        es: 'En la pestaña Servidor de salida, marque "Mi servidor de salida (SMTP) requiere autenticación" y elija "Utilizar la misma configuración que mi servidor de correo de entrada".',
      },
    },
    {
      id: 'open-advanced',
      kind: 'navigate',
      text: { en: 'Open the Advanced tab.', es: 'Abra la pestaña Avanzadas.' },
    },
    {
      id: 'set-security',
      kind: 'security',
      text: {
        en: 'Under Outgoing server (SMTP), check "This server requires an encrypted connection (SSL)".',
        es: 'En Servidor de salida (SMTP), marque "Este servidor precisa una conexión cifrada (SSL)".',
      },
      textFor: {
        none: {
          en: 'Under Outgoing server (SMTP), clear "This server requires an encrypted connection (SSL)".',
          es: 'En Servidor de salida (SMTP), desmarque "Este servidor precisa una conexión cifrada (SSL)".',
        },
      },
      detail: {
        en: 'There is one such box for each server; use the one under the outgoing server. Outlook 2002 calls it "This server requires a secure connection (SSL)".',
        es: 'Hay una casilla así para cada servidor: use la del servidor de salida. Outlook 2002 la llama "Este servidor requiere una conexión segura (SSL)".',
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
        en: 'The checkbox means STARTTLS on 587 and immediate TLS on 465; a port and setting that do not match show up as a timeout, not as a password error.',
        es: 'La casilla significa STARTTLS en el 587 y TLS directo en el 465; si puerto y casilla no encajan verá un tiempo de espera agotado, no un error de contraseña.',
      },
    },
    {
      id: 'save',
      kind: 'save',
      text: { en: 'Click OK, then Next, then Finish.', es: 'Haga clic en Aceptar, luego en Siguiente y después en Finalizar.' },
    },
    {
      id: 'send-test',
      kind: 'verify',
      text: { en: 'Send yourself a test message and press Send/Receive.', es: 'Envíese un mensaje de prueba y pulse Enviar y recibir.' },
      expect: {
        en: 'The message leaves the Outbox within a few seconds.',
        es: 'El mensaje sale de la Bandeja de salida en pocos segundos.',
      },
    },
  ],
  authentication: {
    where: {
      en: 'Tools > E-mail Accounts > View or change existing e-mail accounts > Change > More Settings > Outgoing Server tab',
      es: 'Herramientas > Cuentas de correo electrónico > Ver o cambiar cuentas de correo electrónico existentes > Cambiar > Más configuraciones > pestaña Servidor de salida',
    },
    detail: {
      en: 'Check "My outgoing server (SMTP) requires authentication" and "Use same settings as my incoming mail server".',
      es: 'Marque "Mi servidor de salida (SMTP) requiere autenticación" y "Utilizar la misma configuración que mi servidor de correo de entrada".',
    },
  },
  checkInterval: {
    en: 'Tools > Options > Mail Setup > Send/Receive… > "Schedule an automatic send/receive every N minutes"',
    es: 'Herramientas > Opciones > Configuración de correo > Enviar y recibir… > "Programar envío y recepción automáticos cada N minutos"',
  },
  sources: [
    {
      title: 'Microsoft Office Online (Outlook 2003): View or change e-mail account settings (retired page)',
      url: 'https://office.microsoft.com/en-us/outlook-help/view-or-change-e-mail-account-settings-HP003076983.aspx',
      confirms: ['open-email-accounts', 'view-existing-accounts', 'change-account', 'open-more-settings'],
    },
  ],
  checked: '2026-11',
};

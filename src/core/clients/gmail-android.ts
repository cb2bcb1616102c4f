import type { MailClient } from './types';

/**
 * The Gmail app on Android with a non-Google IMAP or POP account (the app that replaced the stock
 * "Email" app on many phones). Picking a security type can refill the port, so the port is last.
 */
export const gmailAndroid: MailClient = {
  id: 'gmail-android',
  name: 'Gmail app for Android (other accounts)',
  localName: { es: 'App Gmail para Android (otras cuentas)' },
  platform: 'android',
  versions: {
    en: 'Gmail app on Android with an IMAP or POP account (not a Google account)',
    es: 'App Gmail en Android con una cuenta IMAP o POP (no de Google)',
  },
  aliases: ['gmail app', 'gmail android', 'android email', 'android mail', 'email app android'],
  words: {
    outgoingServer: { en: 'SMTP server', es: 'Servidor SMTP' },
    port: { en: 'Port', es: 'Puerto' },
    security: { en: 'Security type', es: 'Tipo de seguridad' },
    authentication: { en: 'Require sign-in', es: 'Solicitar inicio de sesión' },
  },
  securityModel: 'named',
  securityWords: {
    starttls: { en: 'STARTTLS', es: 'STARTTLS' },
    tls: { en: 'SSL/TLS', es: 'SSL/TLS' },
    none: { en: 'None', es: 'Ninguna' },
  },
  steps: [
    {
      id: 'open-settings',
      kind: 'open',
      text: { en: 'In the Gmail app, tap the menu (☰) and then Settings.', es: 'En la app Gmail, toque el menú (☰) y después Configuración.' },
    },
    {
      id: 'select-account',
      kind: 'navigate',
      text: { en: 'Tap the address whose sending you want to fix.', es: 'Toque la dirección cuyo envío quiere arreglar.' },
    },
    {
      id: 'open-outgoing-settings',
      kind: 'navigate',
      text: {
        en: 'Scroll down to Server settings and tap Outgoing settings.',
        es: 'Baje hasta Configuración del servidor y toque Configuración de salida.',
      },
      expect: {
        en: 'A screen with Username, Password, SMTP server, Port and Security type opens.',
        es: 'Se abre una pantalla con Nombre de usuario, Contraseña, Servidor SMTP, Puerto y Tipo de seguridad.',
      },
    },
    {
      id: 'check-server',
      kind: 'server',
      text: { en: 'Check that SMTP server says {server}.', es: 'Compruebe que Servidor SMTP indica {server}.' },
      noServer: { en: 'Leave SMTP server as it is: only the port changes.', es: 'Deje Servidor SMTP como está: solo cambia el puerto.' },
    },
    {
      id: 'set-security',
      kind: 'security',
      text: { en: 'Set Security type to {security}.', es: 'Ponga Tipo de seguridad en {security}.' },
      detail: {
        en: 'Avoid the "(Accept all certificates)" variants unless your provider tells you to use them.',
        es: 'Evite las variantes "(Aceptar todos los certificados)" salvo que su proveedor lo indique.',
      },
    },
    {
      id: 'set-port',
      kind: 'port',
      text: { en: 'Check Port and replace {oldPort} with {port}.', es: 'Revise Puerto y cambie {oldPort} por {port}.' },
      detail: {
        en: 'Choosing a security type can refill the port. 587 goes with STARTTLS, 465 with SSL/TLS; a mismatch ends in a timeout.',
        es: 'Elegir el tipo de seguridad puede cambiar el puerto. El 587 va con STARTTLS y el 465 con SSL/TLS; si no encajan verá un tiempo de espera agotado.',
      },
    },
    {
      id: 'set-authentication',
      kind: 'auth',
      text: {
        en: 'Keep "Require sign-in" on, with the same user name and password as for incoming mail (usually your full email address).',
        es: 'Deje activado "Solicitar inicio de sesión", con el mismo nombre de usuario y contraseña que para el correo entrante (normalmente su dirección de correo completa).',
      },
    },
    {
      id: 'save',
      kind: 'save',
      text: { en: 'Tap Done (or Next).', es: 'Toque Listo (o Siguiente).' },
      expect: {
        en: 'The app checks the outgoing server and returns to the account settings.',
        es: 'La app comprueba el servidor de salida y vuelve a la configuración de la cuenta.',
      },
    },
  ],
  authentication: {
    where: {
      en: 'Gmail > Settings > (account) > Server settings > Outgoing settings > Require sign-in',
      es: 'Gmail > Configuración > (cuenta) > Configuración del servidor > Configuración de salida > Solicitar inicio de sesión',
    },
    detail: {
      en: 'Turn it on and use the same user name and password as the incoming server.',
      es: 'Actívelo y use el mismo usuario y contraseña que el servidor de entrada.',
    },
  },
  checkInterval: {
    en: 'Gmail > Settings > (account) > Sync frequency',
    es: 'Gmail > Configuración > (cuenta) > Frecuencia de sincronización',
  },
  sources: [
    {
      title: 'Gmail Help: Add other email accounts to the Gmail app',
      url: 'https://support.google.com/mail/answer/6078445',
      confirms: [],
    },
  ],
  checked: '2026-11',
};

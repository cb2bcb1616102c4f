import type { MailClient } from './types';

/**
 * Samsung Email on Galaxy phones and tablets. Its Security type says TLS for STARTTLS (587) and SSL
 * for TLS from the start (465); choosing one refills the port, so the port is checked after it.
 */
export const samsungEmail: MailClient = {
  id: 'samsung-email',
  name: 'Samsung Email',
  platform: 'android',
  versions: { en: 'Samsung Email 6 and later (Galaxy, One UI)', es: 'Samsung Email 6 y posteriores (Galaxy, One UI)' },
  aliases: ['samsung email', 'samsung mail', 'galaxy email', 'email app samsung'],
  words: {
    outgoingServer: { en: 'SMTP server', es: 'Servidor SMTP' },
    port: { en: 'Port', es: 'Puerto' },
    security: { en: 'Security type', es: 'Tipo de seguridad' },
    // The switch's exact wording could not be confirmed from a Samsung source, so it is described, not quoted.
    authentication: { en: 'Sign-in for sending', es: 'Inicio de sesión para enviar' },
  },
  securityModel: 'named',
  securityWords: {
    starttls: { en: 'TLS', es: 'TLS' },
    tls: { en: 'SSL', es: 'SSL' },
    none: { en: 'None', es: 'Ninguno' },
  },
  steps: [
    {
      id: 'open-settings',
      kind: 'open',
      text: {
        en: 'In Samsung Email, tap the menu (☰) and then the Settings gear.',
        es: 'En Samsung Email, toque el menú (☰) y después el engranaje de Ajustes.',
      },
    },
    {
      id: 'select-account',
      kind: 'navigate',
      text: { en: 'Under Accounts, tap your email address.', es: 'En Cuentas, toque su dirección de correo.' },
    },
    {
      id: 'open-server-settings',
      kind: 'navigate',
      text: {
        en: 'Scroll to Advanced settings and tap Server settings.',
        es: 'Baje hasta Ajustes avanzados y toque Configuración del servidor.',
      },
    },
    {
      id: 'check-server',
      kind: 'server',
      text: {
        en: 'Under Outgoing server, check that SMTP server says {server}.',
        es: 'En Servidor de salida, compruebe que Servidor SMTP indica {server}.',
      },
      noServer: {
        en: 'Under Outgoing server, leave SMTP server as it is: only the port changes.',
        es: 'En Servidor de salida, deje Servidor SMTP como está: solo cambia el puerto.',
      },
    },
    {
      id: 'set-security',
      kind: 'security',
      text: { en: 'Set Security type to {security}.', es: 'Ponga Tipo de seguridad en {security}.' },
      detail: {
        en: 'Samsung Email says TLS for STARTTLS. The "(Accept all certificates)" variants skip the certificate check: avoid them.',
        es: 'Samsung Email llama TLS a STARTTLS. Las variantes "(Aceptar todos los certificados)" no comprueban el certificado: evítelas.',
      },
    },
    {
      id: 'set-port',
      kind: 'port',
      text: { en: 'Check Port and replace {oldPort} with {port}.', es: 'Revise Puerto y cambie {oldPort} por {port}.' },
      detail: {
        en: '587 goes with TLS and 465 with SSL; a mismatch shows up as a timeout.',
        es: 'El 587 va con TLS y el 465 con SSL; si no encajan verá un tiempo de espera agotado.',
      },
    },
    {
      id: 'set-authentication',
      kind: 'auth',
      text: {
        en: 'Under Outgoing server, keep the sign-in for sending on (the switch that asks for a user name and password), with your full address and password.',
        es: 'En Servidor de salida, deje activado el inicio de sesión para enviar (el interruptor que pide usuario y contraseña), con su dirección completa y su contraseña.',
      },
    },
    {
      id: 'save',
      kind: 'save',
      text: { en: 'Tap Sign in (or Done) to save.', es: 'Toque Iniciar sesión (o Listo) para guardar.' },
      expect: {
        en: 'The app checks the server and goes back to the account settings.',
        es: 'La app comprueba el servidor y vuelve a los ajustes de la cuenta.',
      },
    },
  ],
  authentication: {
    where: {
      en: 'Samsung Email > Settings > (account) > Server settings > Outgoing server',
      es: 'Samsung Email > Ajustes > (cuenta) > Configuración del servidor > Servidor de salida',
    },
    detail: {
      en: 'The sign-in for sending on, with the same user name and password as incoming mail.',
      es: 'El inicio de sesión para enviar activado, con el mismo usuario y contraseña que el correo entrante.',
    },
  },
  checkInterval: {
    en: 'Samsung Email > Settings > (account) > Sync schedule',
    es: 'Samsung Email > Ajustes > (cuenta) > Programación de sincronización',
  },
  sources: [
    {
      title: 'Galaxy Store: Samsung Email',
      url: 'https://galaxystore.samsung.com/detail/com.samsung.android.email.provider',
      confirms: [],
    },
  ],
  checked: '2026-11',
};

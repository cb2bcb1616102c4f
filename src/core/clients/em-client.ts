import type { MailClient } from './types';

/**
 * eM Client 9 and 10 (Windows and macOS). The SMTP tab's "Security policy" offers three choices and no
 * plain "Use SSL/TLS": "Force usage of SSL/TLS" (STARTTLS, required: port 587), "Use SSL/TLS on Special
 * Port (legacy)" (TLS from the first byte: port 465) and "Use SSL/TLS if available" (STARTTLS when the
 * server offers it, otherwise no encryption at all). The Spanish names are translations of those labels;
 * eM Client's Spanish interface has not been checked against a source.
 */
export const emClient: MailClient = {
  id: 'em-client',
  name: 'eM Client',
  platform: 'any',
  versions: { en: 'eM Client 9 and later (Windows, macOS)', es: 'eM Client 9 y posteriores (Windows, macOS)' },
  aliases: ['em client', 'emclient', 'e m client'],
  words: {
    outgoingServer: { en: 'SMTP > Host', es: 'SMTP > Host' },
    port: { en: 'Port', es: 'Puerto' },
    security: { en: 'Security policy', es: 'Política de seguridad' },
    authentication: { en: 'Authentication', es: 'Autenticación' },
  },
  securityModel: 'named',
  securityWords: {
    starttls: { en: '"Force usage of SSL/TLS"', es: '"Forzar el uso de SSL/TLS"' },
    tls: { en: '"Use SSL/TLS on Special Port (legacy)"', es: '"Usar SSL/TLS en puerto especial (heredado)"' },
    // No choice turns encryption off; "if available" is the one that goes on without it.
    none: { en: '"Use SSL/TLS if available"', es: '"Usar SSL/TLS si está disponible"' },
  },
  steps: [
    {
      id: 'open-accounts',
      kind: 'open',
      text: { en: 'Open Menu > Accounts.', es: 'Abra Menú > Cuentas.' },
    },
    {
      id: 'select-account',
      kind: 'navigate',
      text: {
        en: 'Select your account on the left and open the SMTP tab.',
        es: 'Seleccione su cuenta a la izquierda y abra la pestaña SMTP.',
      },
    },
    {
      id: 'check-server',
      kind: 'server',
      text: { en: 'Check that Host says {server}.', es: 'Compruebe que Host indica {server}.' },
      noServer: { en: 'Leave Host as it is: only the port changes.', es: 'Deje Host como está: solo cambia el puerto.' },
    },
    {
      id: 'set-security',
      kind: 'security',
      text: { en: 'Set Security policy to {security}.', es: 'Ponga Política de seguridad en {security}.' },
      detail: {
        en: '"Use SSL/TLS if available" goes on without encryption when the server offers none; "Force usage of SSL/TLS" refuses to.',
        es: '"Usar SSL/TLS si está disponible" sigue sin cifrado si el servidor no lo ofrece; "Forzar el uso de SSL/TLS" se niega a hacerlo.',
      },
    },
    {
      id: 'set-port',
      kind: 'port',
      text: { en: 'In Port, replace {oldPort} with {port}.', es: 'En Puerto, cambie {oldPort} por {port}.' },
      detail: {
        en: '587 goes with "Force usage of SSL/TLS" and 465 with "Use SSL/TLS on Special Port (legacy)"; a mismatch ends in a timeout.',
        es: 'El 587 va con "Forzar el uso de SSL/TLS" y el 465 con "Usar SSL/TLS en puerto especial (heredado)"; si no encajan verá un tiempo de espera agotado.',
      },
    },
    {
      id: 'set-authentication',
      kind: 'auth',
      text: {
        en: 'Under Authentication, choose to log in with your account (identity) credentials.',
        es: 'En Autenticación, elija iniciar sesión con las credenciales de su cuenta (identidad).',
      },
    },
    {
      id: 'save',
      kind: 'save',
      text: { en: 'Click Save & Close.', es: 'Haga clic en Guardar y cerrar.' },
    },
    {
      id: 'send-test',
      kind: 'verify',
      text: { en: 'Send yourself a test message.', es: 'Envíese un mensaje de prueba.' },
      expect: { en: 'The message leaves the Outbox.', es: 'El mensaje sale de la Bandeja de salida.' },
    },
  ],
  authentication: {
    where: {
      en: 'Menu > Accounts > (account) > SMTP tab > Authentication',
      es: 'Menú > Cuentas > (cuenta) > pestaña SMTP > Autenticación',
    },
    detail: {
      en: 'Use the identity (account) credentials: the same user name and password as for incoming mail.',
      es: 'Use las credenciales de la identidad (cuenta): el mismo usuario y contraseña que el correo entrante.',
    },
  },
  checkInterval: {
    en: 'Menu > Settings > Mail > Send and Receive > automatic send/receive interval (minutes)',
    es: 'Menú > Configuración > Correo > Enviar y recibir > intervalo de envío y recepción automáticos (minutos)',
  },
  sources: [
    {
      title: 'eM Client: SMTP settings and configuration',
      url: 'https://www.emclient.com/smtp-settings-and-configuration-for-gmail',
      confirms: [],
    },
  ],
  checked: '2026-11',
};

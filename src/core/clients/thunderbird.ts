import type { MailClient } from './types';

/**
 * Mozilla Thunderbird 115 and later (also 102). The outgoing server list is shared by every account,
 * and choosing a connection security can rewrite the port by itself, so the port is checked last.
 */
export const thunderbird: MailClient = {
  id: 'thunderbird',
  name: 'Mozilla Thunderbird',
  platform: 'any',
  versions: { en: 'Thunderbird 102 and later (Windows, macOS, Linux)', es: 'Thunderbird 102 y posteriores (Windows, macOS, Linux)' },
  aliases: ['thunderbird', 'mozilla thunderbird', 'betterbird'],
  words: {
    outgoingServer: { en: 'Outgoing Server (SMTP)', es: 'Servidor de salida (SMTP)' },
    port: { en: 'Port', es: 'Puerto' },
    security: { en: 'Connection security', es: 'Seguridad de la conexión' },
    authentication: { en: 'Authentication method', es: 'Método de identificación' },
  },
  securityModel: 'named',
  securityWords: {
    starttls: { en: 'STARTTLS', es: 'STARTTLS' },
    tls: { en: 'SSL/TLS', es: 'SSL/TLS' },
    none: { en: 'None', es: 'Ninguna' },
  },
  steps: [
    {
      id: 'open-account-settings',
      kind: 'open',
      text: {
        en: 'Open the menu (☰) and choose Account Settings.',
        es: 'Abra el menú (☰) y elija Configuración de cuentas.',
      },
      detail: {
        en: 'With the menu bar shown, Tools > Account Settings does the same.',
        es: 'Con la barra de menús visible, Herramientas > Configuración de cuentas hace lo mismo.',
      },
    },
    {
      id: 'select-outgoing-server',
      kind: 'navigate',
      text: {
        en: 'At the bottom of the list on the left, click Outgoing Server (SMTP).',
        es: 'Al final de la lista de la izquierda, haga clic en Servidor de salida (SMTP).',
      },
      detail: {
        en: 'This list is shared by all your accounts: the change applies to every account that uses this server.',
        es: 'Esta lista es común a todas sus cuentas: el cambio afecta a todas las cuentas que usan este servidor.',
      },
    },
    {
      id: 'edit-server',
      kind: 'server',
      text: {
        en: 'Select {server} in the list and click Edit.',
        es: 'Seleccione {server} en la lista y haga clic en Editar…',
      },
      noServer: {
        en: 'Select the outgoing server your account uses in the list and click Edit.',
        es: 'Seleccione en la lista el servidor de salida que usa su cuenta y haga clic en Editar…',
      },
      expect: {
        en: 'A window titled SMTP Server opens.',
        es: 'Se abre una ventana titulada Servidor SMTP.',
      },
    },
    {
      id: 'set-security',
      kind: 'security',
      text: {
        en: 'Set Connection security to {security}.',
        es: 'En Seguridad de la conexión, elija {security}.',
      },
    },
    {
      id: 'set-port',
      kind: 'port',
      text: {
        en: 'Check the Port field and change {oldPort} to {port}.',
        es: 'Revise el campo Puerto y cambie {oldPort} por {port}.',
      },
      detail: {
        en: 'Choosing a connection security can change the port by itself, so look at the port after choosing the security.',
        es: 'Al elegir la seguridad de la conexión el puerto puede cambiar solo, así que revíselo después de elegir la seguridad.',
      },
    },
    {
      id: 'set-authentication',
      kind: 'auth',
      text: {
        en: 'Set Authentication method to Normal password and enter the same User Name as for incoming mail (usually your full email address).',
        es: 'En Método de identificación elija Contraseña normal e indique como Nombre de usuario el mismo que para el correo entrante (normalmente su dirección de correo completa).',
      },
      // The other entries of the same list, for a server that wants one of them.
      textForAuth: {
        'encrypted-password': {
          en: 'Set Authentication method to Encrypted password and enter the same User Name as for incoming mail (usually your full email address).',
          es: 'En Método de identificación elija Contraseña cifrada e indique como Nombre de usuario el mismo que para el correo entrante (normalmente su dirección de correo completa).',
        },
        ntlm: {
          en: 'Set Authentication method to NTLM and enter the same User Name as for incoming mail.',
          es: 'En Método de identificación elija NTLM e indique como Nombre de usuario el mismo que para el correo entrante.',
        },
        kerberos: { en: 'Set Authentication method to Kerberos / GSSAPI.', es: 'En Método de identificación elija Kerberos / GSSAPI.' },
        oauth2: {
          en: 'Set Authentication method to OAuth2 and enter your full email address as User Name; Thunderbird opens your provider\'s sign-in window the first time it sends.',
          es: 'En Método de identificación elija OAuth2 e indique su dirección de correo completa como Nombre de usuario; Thunderbird abre la ventana de inicio de sesión de su proveedor la primera vez que envía.',
        },
      },
    },
    {
      id: 'save',
      kind: 'save',
      text: { en: 'Click OK and close Account Settings.', es: 'Haga clic en Aceptar y cierre Configuración de cuentas.' },
    },
    {
      id: 'send-test',
      kind: 'verify',
      text: { en: 'Send yourself a test message.', es: 'Envíese un mensaje de prueba.' },
      expect: {
        en: 'Thunderbird asks for your password once if it has not saved it, then the message leaves the Outbox.',
        es: 'Thunderbird pide la contraseña una vez si no la tiene guardada y el mensaje sale de la Bandeja de salida.',
      },
      expectForAuth: {
        oauth2: {
          en: 'Thunderbird opens your provider\'s sign-in window once; after you sign in there, the message leaves the Outbox.',
          es: 'Thunderbird abre una vez la ventana de inicio de sesión de su proveedor; cuando inicia sesión en ella, el mensaje sale de la Bandeja de salida.',
        },
      },
    },
  ],
  authentication: {
    where: {
      en: 'Account Settings > Outgoing Server (SMTP) > Edit… > Authentication method',
      es: 'Configuración de cuentas > Servidor de salida (SMTP) > Editar… > Método de identificación',
    },
    detail: {
      en: 'Normal password with the same user name and password as your incoming mail.',
      es: 'Contraseña normal, con el mismo usuario y contraseña que el correo entrante.',
    },
  },
  checkInterval: {
    en: 'Account Settings > Server Settings > "Check for new messages every N minutes"',
    es: 'Configuración de cuentas > Configuración del servidor > "Comprobar si hay mensajes nuevos cada N minutos"',
  },
  sources: [
    {
      title: 'Thunderbird Help: Manual account configuration',
      url: 'https://support.mozilla.org/kb/manual-account-configuration',
      confirms: [],
    },
  ],
  checked: '2026-11',
};

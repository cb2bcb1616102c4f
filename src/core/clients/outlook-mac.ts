import type { MailClient } from './types';

/**
 * Outlook for Mac (16.x, new and legacy look). The port field stays locked until "Override default
 * port" is checked; "Use SSL to connect" is a single switch whose meaning follows the port.
 */
export const outlookMac: MailClient = {
  id: 'outlook-mac',
  name: 'Microsoft Outlook for Mac',
  localName: { es: 'Microsoft Outlook para Mac' },
  platform: 'mac',
  versions: { en: 'Outlook for Mac 2016 and later, Microsoft 365', es: 'Outlook para Mac 2016 y posteriores, Microsoft 365' },
  aliases: ['outlook mac', 'outlook for mac', 'outlook 2016 mac', 'outlook 2019 mac', 'outlook 2011'],
  words: {
    outgoingServer: { en: 'Outgoing server', es: 'Servidor de salida' },
    port: { en: 'Override default port', es: 'Reemplazar puerto predeterminado' },
    security: { en: 'Use SSL to connect (recommended)', es: 'Usar SSL para conectarse (recomendado)' },
    authentication: { en: 'Authentication', es: 'Autenticación' },
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
        en: 'Choose Outlook > Settings… (Preferences… in older versions) and click Accounts.',
        es: 'Elija Outlook > Configuración… (Preferencias… en versiones antiguas) y haga clic en Cuentas.',
      },
    },
    {
      id: 'select-account',
      kind: 'navigate',
      text: { en: 'Select your account in the list on the left.', es: 'Seleccione su cuenta en la lista de la izquierda.' },
    },
    {
      id: 'check-server',
      kind: 'server',
      text: { en: 'Check that Outgoing server says {server}.', es: 'Compruebe que Servidor de salida indica {server}.' },
      noServer: { en: 'Leave Outgoing server as it is: only the port changes.', es: 'Deje Servidor de salida como está: solo cambia el puerto.' },
    },
    {
      id: 'set-security',
      kind: 'security',
      text: {
        en: 'Under Outgoing server, check "Use SSL to connect (recommended)".',
        es: 'En Servidor de salida, marque "Usar SSL para conectarse (recomendado)".',
      },
      textFor: {
        none: {
          en: 'Under Outgoing server, clear "Use SSL to connect (recommended)".',
          es: 'En Servidor de salida, desmarque "Usar SSL para conectarse (recomendado)".',
        },
      },
    },
    {
      id: 'set-port',
      kind: 'port',
      text: {
        en: 'Check "Override default port" under Outgoing server and replace {oldPort} with {port}.',
        es: 'Marque "Reemplazar puerto predeterminado" en Servidor de salida y cambie {oldPort} por {port}.',
      },
      detail: {
        en: 'With the SSL box on, Outlook uses STARTTLS on 587 and TLS from the start on 465; the wrong pair ends in a timeout.',
        es: 'Con la casilla SSL marcada, Outlook usa STARTTLS en el 587 y TLS directo en el 465; una pareja equivocada acaba en tiempo de espera agotado.',
      },
    },
    {
      id: 'set-authentication',
      kind: 'auth',
      text: {
        en: 'Click More Options… and set Authentication to "Use Incoming Server Info", then click OK.',
        es: 'Haga clic en Más opciones… y ponga Autenticación en "Usar información del servidor entrante"; después haga clic en Aceptar.',
      },
    },
    {
      id: 'close-and-test',
      kind: 'verify',
      text: { en: 'Close the Accounts window and send yourself a test message.', es: 'Cierre la ventana Cuentas y envíese un mensaje de prueba.' },
      expect: {
        en: 'The message leaves the Outbox; a yellow warning next to the account means a setting is still wrong.',
        es: 'El mensaje sale de la Bandeja de salida; un aviso amarillo junto a la cuenta indica que algún ajuste sigue mal.',
      },
    },
  ],
  authentication: {
    where: {
      en: 'Outlook > Settings… > Accounts > (account) > More Options… under Outgoing server',
      es: 'Outlook > Configuración… > Cuentas > (cuenta) > Más opciones… en Servidor de salida',
    },
    detail: {
      en: 'Choose "Use Incoming Server Info" so the same user name and password are used for sending.',
      es: 'Elija "Usar información del servidor entrante" para enviar con el mismo usuario y contraseña.',
    },
  },
  checkInterval: {
    en: 'Legacy Outlook: Tools > Schedules > Send & Receive All (every N minutes); the new Outlook for Mac checks by itself',
    es: 'Outlook heredado: Herramientas > Programaciones > Enviar y recibir todo (cada N minutos); el nuevo Outlook para Mac comprueba por sí solo',
  },
  sources: [
    {
      title: 'Microsoft Support: Basic POP account settings for Outlook for Mac',
      url: 'https://support.microsoft.com/en-us/office/basic-pop-account-settings-for-outlook-for-mac-d25a0c43-2c81-41a0-9913-573e52af3d6f',
      confirms: ['check-server', 'set-security', 'set-port'],
    },
  ],
  checked: '2026-11',
};

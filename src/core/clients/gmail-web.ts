import type { MailClient } from './types';

/**
 * Gmail on the web sending as another address through that provider's SMTP server ("Send mail as").
 * Gmail says TLS for STARTTLS (587) and SSL for TLS from the start (465):
 * https://support.google.com/mail/answer/1074635
 */
export const gmailWeb: MailClient = {
  id: 'gmail-web',
  name: 'Gmail on the web (Send mail as)',
  localName: { es: 'Gmail en la web (Enviar como)' },
  platform: 'web',
  versions: {
    en: 'Gmail in a browser, sending as another address through its own SMTP server',
    es: 'Gmail en el navegador, enviando como otra dirección por su propio servidor SMTP',
  },
  aliases: ['gmail', 'gmail web', 'send mail as', 'gmail smtp', 'gmail alias', 'google workspace'],
  words: {
    outgoingServer: { en: 'SMTP Server', es: 'Servidor SMTP' },
    port: { en: 'Port', es: 'Puerto' },
    security: { en: 'Secured connection', es: 'Conexión protegida' },
    authentication: { en: 'Username and Password', es: 'Nombre de usuario y Contraseña' },
  },
  securityModel: 'named',
  securityWords: {
    starttls: { en: '"Secured connection using TLS (recommended)"', es: '"Conexión protegida mediante TLS (recomendado)"' },
    tls: { en: '"Secured connection using SSL"', es: '"Conexión protegida mediante SSL"' },
    none: { en: '"Unsecured connection"', es: '"Conexión no protegida"' },
  },
  steps: [
    {
      id: 'open-settings',
      kind: 'open',
      text: {
        en: 'In Gmail, click Settings (the gear) > See all settings.',
        es: 'En Gmail, haga clic en Configuración (el engranaje) > Ver todos los ajustes.',
      },
    },
    {
      id: 'open-accounts-tab',
      kind: 'navigate',
      text: { en: 'Open the Accounts and Import tab (Accounts in Google Workspace).', es: 'Abra la pestaña Cuentas e importación (Cuentas en Google Workspace).' },
    },
    {
      id: 'edit-send-as',
      kind: 'navigate',
      text: {
        en: 'In "Send mail as", click "edit info" next to the address, then Next Step.',
        es: 'En "Enviar como", haga clic en "editar información" junto a la dirección y luego en Siguiente paso.',
      },
      expect: {
        en: 'A window with SMTP Server, Port, Username and Password appears.',
        es: 'Aparece una ventana con Servidor SMTP, Puerto, Nombre de usuario y Contraseña.',
      },
    },
    {
      id: 'check-server',
      kind: 'server',
      text: { en: 'Check that SMTP Server says {server}.', es: 'Compruebe que Servidor SMTP indica {server}.' },
      noServer: { en: 'Leave SMTP Server as it is: only the port changes.', es: 'Deje Servidor SMTP como está: solo cambia el puerto.' },
    },
    {
      id: 'set-port',
      kind: 'port',
      text: { en: 'Change Port from {oldPort} to {port}.', es: 'Cambie Puerto de {oldPort} a {port}.' },
    },
    {
      id: 'set-security',
      kind: 'security',
      text: { en: 'Select {security}.', es: 'Seleccione {security}.' },
      detail: {
        en: 'Gmail calls STARTTLS "TLS" (port 587) and TLS from the start "SSL" (port 465). A wrong pair fails with a timeout.',
        es: 'Gmail llama "TLS" a STARTTLS (puerto 587) y "SSL" al TLS directo (puerto 465). Una pareja equivocada falla por tiempo de espera.',
      },
    },
    {
      id: 'set-authentication',
      kind: 'auth',
      text: {
        en: 'Enter the Username and Password of that other address (not your Gmail password).',
        es: 'Escriba el Nombre de usuario y la Contraseña de esa otra dirección (no la de Gmail).',
      },
    },
    {
      id: 'save',
      kind: 'save',
      text: { en: 'Click Save Changes.', es: 'Haga clic en Guardar cambios.' },
      expect: {
        en: 'Gmail connects to the server at once; an error here names what failed.',
        es: 'Gmail se conecta al servidor en ese momento; si falla, el mensaje dice qué falló.',
      },
    },
  ],
  authentication: {
    where: {
      en: 'Settings > See all settings > Accounts and Import > Send mail as > edit info > Next Step',
      es: 'Configuración > Ver todos los ajustes > Cuentas e importación > Enviar como > editar información > Siguiente paso',
    },
    detail: {
      en: 'Username and Password of the other account, as used by its own mail program.',
      es: 'Nombre de usuario y Contraseña de la otra cuenta, los mismos que usa su programa de correo.',
    },
  },
  checkInterval: null,
  sources: [
    {
      title: 'Gmail Help: Send emails from a different address or alias',
      url: 'https://support.google.com/mail/answer/22370',
      confirms: ['open-accounts-tab'],
    },
    {
      title: 'Gmail Help: Sending as another address: choosing your port number and authentication type',
      url: 'https://support.google.com/mail/answer/1074635',
      confirms: ['set-security'],
    },
  ],
  checked: '2026-11',
};

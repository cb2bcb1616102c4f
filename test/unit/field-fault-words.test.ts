/**
 * A value refused in the options page or a setup-files form is worded in the reader's language: the checks
 * say why with a code (core/field-fault.ts), the extension words each code from its catalogue, filling in
 * the field, what was typed and the address or example the way browser.i18n does.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { FieldFault } from '../../src/core/field-fault';
import { checkIncoming, checkProfile, checkProvider, SetupFileError } from '../../src/core/setup-files/input';
import { applyPolicy, checkOptions, DEFAULT_OPTIONS, importOptions } from '../../src/extension/settings/options-schema';
import { afterColon, FIELD_NAMES, FIELD_PROBLEMS, fieldFaultWords, policyProblemWords } from '../../src/extension/ui/field-fault-words';
import type { MessageKey } from '../../src/extension/platform/i18n';

type Catalogue = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;
const catalogue = (locale: string) => JSON.parse(readFileSync(`public/_locales/${locale}/messages.json`, 'utf8')) as Catalogue;
const en = catalogue('en');
const es = catalogue('es');

/** browser.i18n.getMessage: each $NAME$ becomes its placeholder's content, $1… the substitutions. */
function translator(messages: Catalogue) {
  return (key: MessageKey, ...substitutions: string[]): string => {
    const entry = messages[key];
    if (!entry) throw new Error(`no message ${key}`);
    return entry.message.replace(/\$([A-Za-z0-9_]+)\$/g, (_all, name: string) => {
      const content = entry.placeholders?.[name.toLowerCase()]?.content ?? '';
      return content.replace(/\$(\d)/g, (_d, index: string) => substitutions[Number(index) - 1] ?? '');
    });
  };
}
const english = translator(en);
const spanish = translator(es);

function optionsFault(patch: Record<string, unknown>, profile: Record<string, unknown> = {}): FieldFault {
  const checked = checkOptions({ ...DEFAULT_OPTIONS, ...patch, profile: { ...DEFAULT_OPTIONS.profile, ...profile } });
  if (checked.ok || !checked.fault) throw new Error('expected a refusal with a fault');
  return checked.fault;
}

function setupFault(run: () => unknown): FieldFault {
  try {
    run();
  } catch (error) {
    if (error instanceof SetupFileError && error.fault) return error.fault;
    throw error;
  }
  throw new Error('expected a refusal');
}

const outgoing = { hostname: 'smtp.example.com', port: 587, security: 'starttls', authentication: 'password' };
const incoming = { protocol: 'imap', hostname: 'imap.example.com', port: 993, security: 'tls' };

describe('field faults', () => {
  it('has a sentence and a field name in English and in Spanish for every code, and the Spanish one is not the English one', () => {
    for (const key of [...Object.values(FIELD_PROBLEMS), ...Object.values(FIELD_NAMES)]) {
      expect(en[key]?.message, `${key} in en`).toBeTruthy();
      expect(es[key]?.message, `${key} in es`).toBeTruthy();
      expect(es[key]!.message, key).not.toBe(en[key]!.message);
    }
  });

  it.each<[string, () => FieldFault, RegExp, RegExp]>([
    ['an outgoing server with its port', () => optionsFault({}, { outgoingServer: 'smtp.example.com:587' }), /^“smtp\.example\.com:587” includes a port/, /^«smtp\.example\.com:587» incluye un puerto; escriba solo el nombre\.$/],
    ['a word among the help-centre domains', () => optionsFault({}, { helpDomains: ['help.example.com', 'helpdesk'] }), /“helpdesk” has no dot/, /«helpdesk» no tiene ningún punto/],
    ['an IPv6 help-centre domain', () => optionsFault({}, { helpDomains: ['2001:db8::1'] }), /is an IPv6 address/, /es una dirección IPv6/],
    ['a disguised address', () => optionsFault({}, { outgoingServer: '0x7f.1' }), /IP address 127\.0\.0\.1 written in an unusual form; type it in the usual form/, /dirección IP 127\.0\.0\.1 escrita de una forma poco habitual; escríbala/],
    ['a name with a space', () => optionsFault({}, { outgoingServer: 'smtp example.com' }), /not a valid name for the outgoing server/, /no es válido como nombre para el servidor de salida/],
    ['a plain-http service far away', () => optionsFault({ serviceUrl: 'http://probe.example.com' }), /must use https:\/\//, /debe usar https:\/\//],
    ['a service URL that is not one', () => optionsFault({ serviceUrl: 'probe example' }), /“probe example” is not a web address/, /«probe example» no es una dirección web/],
    ['no port chosen', () => optionsFault({}, { allowedPorts: [] }), /Choose one or more of the ports 25, 465, 587 and 2525/, /Elija uno o más de los puertos 25, 465, 587 y 2525/],
    ['an incoming port out of range', () => setupFault(() => checkIncoming({ ...incoming, port: '99999' })), /port of the incoming server must be a whole number from 1 to 65535, not “99999”/, /Para el servidor de correo entrante, el puerto debe ser un número entero de 1 a 65535, no «99999»/],
    ['a web address pasted as the server', () => optionsFault({}, { outgoingServer: 'https://smtp.example.com/' }), /^“https:\/\/smtp\.example\.com\/” is a web address; type the name alone, such as smtp\.example\.com\.$/, /^«https:\/\/smtp\.example\.com\/» es una dirección web; escriba solo el nombre, por ejemplo smtp\.example\.com\.$/],
    ['port 25 for the files\' outgoing server', () => setupFault(() => checkProfile({ email: 'jane@example.com', outgoing: { ...outgoing, port: 25 }, incoming })), /^Port 25 is for mail between servers/, /^El puerto 25 es para el correo entre servidores/],
    ['an empty incoming port', () => setupFault(() => checkIncoming({ ...incoming, port: ' ' })), /^Fill in the port of the incoming server\.$/, /^Falta el puerto para el servidor de correo entrante\.$/],
    ['an empty incoming server', () => setupFault(() => checkIncoming({ ...incoming, hostname: ' ' })), /^Fill in the incoming server, such as imap\.example\.com\.$/, /^Falta el servidor de correo entrante; escriba, por ejemplo, imap\.example\.com\.$/],
    ['a mail domain without a dot', () => setupFault(() => checkProvider({ domain: 'localdomain', outgoing, incoming })), /“localdomain” is not a mail domain/, /«localdomain» no es un dominio de correo/],
    ['an email address in quotes', () => setupFault(() => checkProfile({ email: '"a b"@example.com', outgoing, incoming })), /./, /./],
    ['an address without a domain', () => setupFault(() => checkProfile({ email: 'jane@', outgoing, incoming })), /./, /./],
  ])('%s', (_name, fault, inEnglish, inSpanish) => {
    const found = fault();
    expect(fieldFaultWords(found, english)).toMatch(inEnglish);
    const words = fieldFaultWords(found, spanish);
    expect(words).toMatch(inSpanish);
    // Nothing left unfilled, and no English words in the Spanish sentence.
    expect(words).not.toMatch(/\$\w+\$|\b(the|is|not|type|port)\b/i);
  });

  it('a published user name form the files cannot carry is said in Spanish too', () => {
    const found = setupFault(() => checkProvider({ domain: 'example.com', outgoing, incoming, username: '"quoted"' }));
    expect(found).toEqual({ field: 'username-form', problem: 'username-form' });
    expect(fieldFaultWords(found, spanish)).toMatch(/^El proveedor publica una forma de nombre de usuario/);
  });

  it('continues a sentence after a colon in lower case, and leaves a quotation or an abbreviation alone', () => {
    expect(afterColon('El puerto 22 no es ninguno')).toBe('el puerto 22 no es ninguno');
    expect(afterColon('Port 22 is not one')).toBe('port 22 is not one');
    expect(afterColon('«x» incluye un puerto')).toBe('«x» incluye un puerto');
    expect(afterColon('IMAP or POP')).toBe('IMAP or POP');
    expect(afterColon('A part of “x” is longer')).toBe('a part of “x” is longer');
  });

  it('an email address the target parser refused keeps that reason, in Spanish too', () => {
    const found = setupFault(() => checkProfile({ email: 'jane@', outgoing, incoming }));
    expect(found).toMatchObject({ field: 'email', target: 'email-no-domain' });
    expect(fieldFaultWords(found, spanish)).toBe(es.targetFault_email_no_domain!.message);
  });

  it.each<[string, string, RegExp]>([
    ['a file from a later version', JSON.stringify({ format: 'smtp-port-assistant-settings', version: 2 }), /versión 2 no se pueden leer/],
    ['another JSON file', JSON.stringify({ name: 'something else' }), /no es un archivo de configuración exportado/],
    ['a profile that is not an object', JSON.stringify({ format: 'smtp-port-assistant-settings', version: 1, profile: 'x' }), /valor de un tipo equivocado/],
    ['a port nobody checks', JSON.stringify({ format: 'smtp-port-assistant-settings', version: 1, profile: { allowedPorts: [22] } }), /^El puerto 22 no es 25, 465, 587 ni 2525\.$/],
    ['a server given as a number', JSON.stringify({ format: 'smtp-port-assistant-settings', version: 1, profile: { outgoingServer: 5 } }), /valor de un tipo equivocado/],
    ['an incoming server given as a number', JSON.stringify({ format: 'smtp-port-assistant-settings', version: 1, profile: { incoming: { protocol: 'imap', hostname: 5, port: 993, security: 'tls' } } }), /valor de un tipo equivocado/],
    ['a file without a version', JSON.stringify({ format: 'smtp-port-assistant-settings' }), /no es un archivo de configuración exportado/],
  ])('an import of %s is refused in Spanish', (_name, text, inSpanish) => {
    const imported = importOptions(text);
    if (imported.ok || !imported.fault) throw new Error('expected a refusal with a fault');
    expect(fieldFaultWords(imported.fault, spanish)).toMatch(inSpanish);
  });
});

describe('an administrator policy value that was ignored', () => {
  const problems = applyPolicy(DEFAULT_OPTIONS, {
    serviceUrl: 'http://probe.example.com',
    profileName: 'x'.repeat(101),
    helpDomains: 'help.example.com',
    allowedPorts: [587, 2526],
    authMethod: 'kerberos',
  }).problems;

  it('names the policy key and says why in the reader\'s language, with no English left in Spanish', () => {
    expect(problems.map((problem) => problem.field)).toEqual(['serviceUrl', 'profileName', 'helpDomains', 'allowedPorts', 'authMethod']);
    const words = problems.map((problem) => policyProblemWords(problem, english));
    expect(words[0]).toMatch(/^The administrator's policy value for serviceUrl was ignored: .*https/);
    expect(words[1]).toBe("The administrator's policy value for profileName was ignored: the name must be one line of at most 100 characters.");
    expect(words[3]).toContain('2526');
    // A value of the wrong kind is not worded as a settings file edited by hand.
    for (const index of [2, 4]) expect(words[index]).toMatch(/not of the kind the policy schema/);
    for (const sentence of words) expect(sentence).not.toMatch(/\bfile\b/);
    const inSpanish = problems.map((problem) => policyProblemWords(problem, spanish));
    for (const sentence of inSpanish) {
      expect(sentence).toMatch(/^Se ha ignorado el valor de la política del administrador para [a-zA-Z]+: .+\.$/);
      expect(sentence).not.toMatch(/\b(the|was|ignored|must|value)\b/);
    }
  });
});

/**
 * Settings extraction: server, port and security from tables, forms, definition lists and prose,
 * as plain strings and numbers, in the seven languages.
 */
import { describe, expect, it } from 'vitest';
import { extractSettings, isPlaceholderHost, sendingHostIn, shownOnArticle, submissionPortIn } from '../../src/core/detect/extract';
import { securityOf } from '../../src/core/detect/values';
import { gatherFacts } from '../../src/core/detect/facts';
import { readPairs } from '../../src/core/detect/pairs';
import { classifyPage } from '../../src/core/detect/index';
import type { ExtractedSettings } from '../../src/core/detect/types';
import { loadPage, parse } from '../fixtures/pages/corpus';

function extract(body: string): ExtractedSettings {
  const document = parse(`<!DOCTYPE html><html><head><title>t</title></head><body>${body}</body></html>`);
  return extractSettings(gatherFacts(document, 'https://example.net/')).settings;
}

/** Per language: the outgoing and incoming server's names, port, security, and incoming and outgoing column heads. */
const LANGUAGES: ReadonlyArray<readonly [string, string, string, string, string, string, string]> = [
  ['en', 'Outgoing server', 'Incoming server', 'Port', 'Security', 'Incoming', 'Outgoing'],
  ['de', 'Postausgangsserver', 'Posteingangsserver', 'Port', 'Verschlüsselung', 'Posteingang', 'Postausgang'],
  ['fr', 'Serveur sortant', 'Serveur entrant', 'Port', 'Sécurité', 'Entrant', 'Sortant'],
  ['es', 'Servidor saliente', 'Servidor entrante', 'Puerto', 'Seguridad', 'Entrante', 'Saliente'],
  ['pt', 'Servidor de saída', 'Servidor de entrada', 'Porta', 'Segurança', 'Entrada', 'Saída'],
  ['it', 'Server posta in uscita', 'Server posta in arrivo', 'Porta', 'Sicurezza', 'In arrivo', 'In uscita'],
  ['nl', 'Uitgaande server', 'Inkomende server', 'Poort', 'Beveiliging', 'Inkomend', 'Uitgaand'],
  ['pl', 'Serwer poczty wychodzącej', 'Serwer poczty przychodzącej', 'Port', 'Zabezpieczenia', 'Przychodząca', 'Wychodząca'],
  ['cs', 'Server odchozí pošty', 'Server příchozí pošty', 'Port', 'Zabezpečení', 'Příchozí', 'Odchozí'],
  ['sk', 'Server odchádzajúcej pošty', 'Server prichádzajúcej pošty', 'Port', 'Zabezpečenie', 'Prichádzajúca', 'Odchádzajúca'],
  ['sv', 'Utgående server', 'Inkommande server', 'Port', 'Säkerhet', 'Inkommande', 'Utgående'],
  ['da', 'Udgående server', 'Indgående server', 'Port', 'Sikkerhed', 'Indgående', 'Udgående'],
  ['no', 'Utgående server', 'Innkommende server', 'Port', 'Sikkerhet', 'Innkommende', 'Utgående'],
  ['fi', 'Lähtevän postin palvelin', 'Saapuvan postin palvelin', 'Portti', 'Suojaus', 'Saapuva', 'Lähtevä'],
  ['ru', 'Сервер исходящей почты', 'Сервер входящей почты', 'Порт', 'Шифрование', 'Входящая', 'Исходящая'],
  ['uk', 'Сервер вихідної пошти', 'Сервер вхідної пошти', 'Порт', 'Шифрування', 'Вхідна пошта', 'Вихідна пошта'],
  ['tr', 'Giden sunucu', 'Gelen sunucu', 'Port', 'Güvenlik', 'Gelen', 'Giden'],
  ['el', 'Διακομιστής εξερχόμενης αλληλογραφίας', 'Διακομιστής εισερχόμενης αλληλογραφίας', 'Θύρα', 'Ασφάλεια', 'Εισερχόμενη', 'Εξερχόμενη'],
  ['ro', 'Server de ieșire', 'Server de intrare', 'Port', 'Securitate', 'Primire', 'Trimitere'],
  ['hu', 'Kimenő szerver', 'Bejövő szerver', 'Port', 'Biztonság', 'Bejövő', 'Kimenő'],
  ['hr', 'Odlazni poslužitelj', 'Dolazni poslužitelj', 'Port', 'Sigurnost', 'Dolazni', 'Odlazni'],
  ['id', 'Server surat keluar', 'Server surat masuk', 'Port', 'Keamanan', 'Surat masuk', 'Surat keluar'],
  ['vi', 'Máy chủ thư đi', 'Máy chủ thư đến', 'Cổng', 'Bảo mật', 'Thư đến', 'Thư đi'],
  ['ko', '보내는 메일 서버', '받는 메일 서버', '포트', '보안', '받는 메일', '보내는 메일'],
  ['ja', '送信メールサーバー', '受信メールサーバー', 'ポート番号', 'セキュリティ', '受信', '送信'],
  ['zh', '发送服务器', '接收服务器', '端口', '加密方式', '接收', '发送'],
  ['ar', 'خادم البريد الصادر', 'خادم البريد الوارد', 'المنفذ', 'الأمان', 'البريد الوارد', 'البريد الصادر'],
  ['he', 'שרת דואר יוצא', 'שרת דואר נכנס', 'פורט', 'אבטחה', 'דואר נכנס', 'דואר יוצא'],
];

describe('tables', () => {
  it('reads a two-column settings table', () => {
    const settings = extract(`<table>
      <tr><td>Outgoing server (SMTP)</td><td>smtp.example.net</td></tr>
      <tr><td>Port</td><td>587</td></tr>
      <tr><td>Connection security</td><td>STARTTLS</td></tr>
      <tr><td>Authentication</td><td>Normal password</td></tr></table>`);
    expect(settings).toMatchObject({ outgoingServer: 'smtp.example.net', port: 587, security: 'starttls', authentication: 'password' });
  });

  it('takes the security said with the port it takes, where a row offers two ports', () => {
    const offered = (ports: string) =>
      extract(`<table><tr><td>Outgoing (SMTP) server</td><td>smtp.example.net</td></tr><tr><td>Port</td><td>${ports}</td></tr></table>`);
    expect(offered('465 with SSL/TLS or 587 with STARTTLS')).toMatchObject({ port: 465, security: 'tls' });
    expect(offered('587 with STARTTLS or 465 with SSL/TLS')).toMatchObject({ port: 587, security: 'starttls' });
    expect(offered('465 con SSL/TLS, oppure 587 con STARTTLS')).toMatchObject({ port: 465, security: 'tls' });
    const inHostRow = extract('<table><tr><td>SMTP server</td><td>smtp.example.net, port 465 (SSL/TLS) or 587 (STARTTLS)</td></tr></table>');
    expect(inHostRow).toMatchObject({ outgoingServer: 'smtp.example.net', port: 465, security: 'tls' });
    // A "no" that answers another label in the cell leaves the security alone.
    const row = (key: string, value: string) => extract(`<table><tr><td>${key}</td><td>${value}</td></tr></table>`);
    expect(row('Server posta in uscita (SMTP)', 'smtp.example.it con SSL, porta 465, autenticazione sicura (SPA): no')).toMatchObject({ port: 465, security: 'tls' });
    expect(row('Outgoing server (SMTP)', 'smtp.example.net:465 (SSL), SPA: no')).toMatchObject({ port: 465, security: 'tls' });
    expect(row('Outgoing server (SMTP)', 'smtp.example.net (STARTTLS), authentication: none')).toMatchObject({ security: 'starttls' });
    expect(offered('465 or 587 (SSL/TLS), SPA: no')).toMatchObject({ port: 465, security: 'tls' });
    expect(offered('587 (without SSL)')).toMatchObject({ port: 587, security: 'none' });
  });

  it('reads a security row that offers both kinds for the port the rows end up with', () => {
    const rows = (...cells: Array<[string, string]>) =>
      extract(`<table><tr><td>SMTP-server</td><td>smtp.example.nl</td></tr>${cells.map(([key, value]) => `<tr><td>${key}</td><td>${value}</td></tr>`).join('')}</table>`);
    // The security row before the port's: the port decides.
    expect(rows(['Encryptie', 'SSL/TLS of STARTTLS'], ['Poort', '465 bij SSL/TLS, 587 bij STARTTLS'])).toMatchObject({ port: 465, security: 'tls' });
    expect(rows(['Verschlüsselung', 'Keine, SSL/TLS oder STARTTLS'], ['Port', '587'])).toMatchObject({ port: 587, security: 'starttls' });
    // After the port's: the same.
    expect(rows(['Porta', '465'], ['Sicurezza', 'SSL/TLS (con la porta 587 scegli STARTTLS)'])).toMatchObject({ port: 465, security: 'tls' });
    // One kind named: read as before, whichever row comes first.
    expect(rows(['Security', 'STARTTLS'], ['Port', '587'])).toMatchObject({ port: 587, security: 'starttls' });
  });

  it('takes a port said with its word before a 25 it warns of', () => {
    const port = (value: string) => extract(`<table><tr><td>Servidor SMTP</td><td>smtp.example.com</td></tr><tr><td>Porta</td><td>${value}</td></tr></table>`).port;
    expect(port('465 para SSL/TLS, 587 para STARTTLS. Evite a porta 25, bloqueada pelas operadoras.')).toBe(465);
    expect(port('Porta 25')).toBe(25);
    // Any other number beside a labelled 25 is not a port to take: a year, a limit, a timeout, another protocol's.
    const table = (value: string) => extract(`<table><tr><td>SMTP server</td><td>smtp.example.com</td></tr><tr><td>Port</td><td>${value}</td></tr></table>`).port;
    expect(table('Port 25 (closed since 2019)')).toBe(25);
    expect(table('Port 25, max. 100 recipients per message')).toBe(25);
    expect(table('Port 25 (Timeout 60 Sekunden)')).toBe(25);
    expect(table('Port 25 (SMTP), port 110 (POP3)')).toBe(25);
    expect(extract('<table><tr><td>SMTP server</td><td>smtp.example.com, port 25; IMAP port 993</td></tr></table>').port).toBe(25);
  });

  it('reads a security row that names one kind as it stands, whatever else it says', () => {
    const settings = extract(`<table><tr><td>Outgoing server</td><td>smtp.example.com</td></tr><tr><td>Port</td><td>587</td></tr>
      <tr><td>Encryption</td><td>STARTTLS (port 587 – without SSL)</td></tr></table>`);
    expect(settings).toMatchObject({ port: 587, security: 'starttls' });
    // Offering both kinds before a port that says it has none: the port's row decides.
    const deferred = extract(`<table><tr><td>Outgoing server</td><td>smtp.example.com</td></tr><tr><td>Security</td><td>SSL/TLS or STARTTLS</td></tr>
      <tr><td>Port</td><td>25 (unencrypted)</td></tr></table>`);
    expect(deferred).toMatchObject({ port: 25, security: 'none' });
  });

  it('reads an incoming/outgoing grid by its column headers', () => {
    const settings = extract(`<table><tr><th></th><th>Incoming</th><th>Outgoing</th></tr>
      <tr><td>Server</td><td>imap.example.net</td><td>smtp.example.net</td></tr>
      <tr><td>Port</td><td>993</td><td>465</td></tr>
      <tr><td>Security</td><td>SSL/TLS</td><td>SSL/TLS</td></tr></table>`);
    expect(settings).toMatchObject({ outgoingServer: 'smtp.example.net', incomingServer: 'imap.example.net', port: 465, security: 'tls' });
  });

  it('reads a grid whose head row is built of plain cells naming protocols or directions', () => {
    const protocols = extract(`<table><tr><td></td><td>IMAP</td><td>SMTP</td></tr>
      <tr><td>Server</td><td>imap.example.net</td><td>smtp.example.net</td></tr>
      <tr><td>Port</td><td>143</td><td>465</td></tr>
      <tr><td>Security</td><td>STARTTLS</td><td>SSL/TLS</td></tr></table>`);
    expect(protocols).toMatchObject({ outgoingServer: 'smtp.example.net', port: 465, security: 'tls' });
    const directions = extract(`<table><tr><td>Einstellung</td><td>Posteingang (POP3)</td><td>Postausgang (SMTP)</td></tr>
      <tr><td>Server</td><td>pop.example.de</td><td>smtp.example.de</td></tr>
      <tr><td>Port</td><td>995</td><td>587</td></tr>
      <tr><td>Verschlüsselung</td><td>SSL/TLS</td><td>STARTTLS</td></tr></table>`);
    expect(directions).toMatchObject({ outgoingServer: 'smtp.example.de', port: 587, security: 'starttls' });
    // A head of settings, each row below a server: "Protocol | Server | Port | Security".
    const settingsHead = extract(`<table><tr><td>Protocollo</td><td>Server</td><td>Porta</td><td>Sicurezza</td></tr>
      <tr><td>IMAP</td><td>imap.example.it</td><td>993</td><td>SSL/TLS</td></tr>
      <tr><td>SMTP</td><td>smtp.example.it</td><td>587</td><td>STARTTLS</td></tr></table>`);
    expect(settingsHead).toMatchObject({ outgoingServer: 'smtp.example.it', port: 587, security: 'starttls' });
    // A first row of values is no head: its key keeps its value, as before.
    expect(extract('<table><tr><td>Outgoing server</td><td>smtp.example.net</td><td>port 587</td></tr></table>')).toMatchObject({ outgoingServer: 'smtp.example.net', port: 587 });
  });

  it('reads a row-header grid (German) and a cell with a line break', () => {
    const grid = extract(`<table><thead><tr><th></th><th>Server</th><th>Port</th><th>Verschlüsselung</th></tr></thead>
      <tr><th>Posteingang (IMAP)</th><td>imap.example.de</td><td>993</td><td>SSL/TLS</td></tr>
      <tr><th>Postausgang (SMTP)</th><td>smtp.example.de</td><td>587</td><td>STARTTLS</td></tr></table>`);
    expect(grid).toMatchObject({ outgoingServer: 'smtp.example.de', incomingServer: 'imap.example.de', port: 587, security: 'starttls' });
    const panel = extract(`<table><tr><td>Incoming Server:</td><td>mail.example.org<br>IMAP Port: 993</td></tr>
      <tr><td>Outgoing Server:</td><td>mail.example.org<br>SMTP Port: 465</td></tr></table>`);
    expect(panel).toMatchObject({ outgoingServer: 'mail.example.org', port: 465 });
  });

  it('gives a table the direction of the card heading above it or of its "Protocol | SMTP" row', () => {
    // Two cards, each a table of rows that name no direction: the heading above, then the protocol row, says which.
    const cards = (incoming: string, outgoing: string): string => `
      <div class="card"><div class="card-header"><h3>${incoming}</h3></div><div class="card-body"><table>
        <tr><td>Mail protocol</td><td>IMAP</td></tr><tr><td>TCP port</td><td>993 (TLS)</td></tr>
        <tr><td>Server name</td><td>in.birchwood.example</td></tr></table></div></div>
      <div class="card"><div class="card-header"><h3>${outgoing}</h3></div><div class="card-body"><table>
        <tr><td>Mail protocol</td><td>SMTP</td></tr><tr><td>TCP port</td><td>465 (TLS)</td></tr>
        <tr><td>Server name</td><td>out.birchwood.example</td></tr></table></div></div>`;
    const expected = { outgoingServer: 'out.birchwood.example', incomingServer: 'in.birchwood.example', port: 465, security: 'tls' };
    expect(extract(cards('Incoming mail', 'Outgoing mail'))).toMatchObject(expected);
    expect(extract(cards('Receiving', 'Sending')), 'headings without a direction word: the protocol rows decide').toMatchObject(expected);
  });

  it('takes no direction for a table from a short sentence before it, only from a heading', () => {
    const rows = '<table><tr><td>Server address</td><td>mx.alder.example</td></tr><tr><td>Port</td><td>465</td></tr></table>';
    const contexts = (before: string): Array<string | null> =>
      readPairs(parse(`<!DOCTYPE html><html><body>${before}${rows}</body></html>`)).map((pair) => pair.context);
    expect(contexts('<p>Outgoing mail kept failing for weeks.</p>')).toEqual([null, null]);
    expect(contexts('<h3>Outgoing mail</h3>')).toEqual(['outgoing', 'outgoing']);
    // A short paragraph between heading and table is passed over; the nearest heading decides, even with no direction.
    expect(contexts('<h3>Outgoing mail</h3><p>Enter <b>these</b> values:</p>')).toEqual(['outgoing', 'outgoing']);
    expect(contexts('<h3>Outgoing mail</h3><h4>Advanced</h4>')).toEqual([null, null]);
  });

  it("gives port 465 in a 'Port | Encryption' table its own security, not the row above's", () => {
    const settings = extract(`<p>Our outgoing mail server takes these ports.</p><table><tr><th>Port</th><th>Encryption</th></tr>
      <tr><td>25</td><td>STARTTLS</td></tr><tr><td>465</td><td>SSL/TLS</td></tr></table>`);
    expect(settings.security).not.toBe('starttls');
  });

  it('keeps a shared server where the protocol row names one of the servers a mixed table serves', () => {
    const settings = extract(`<table><tr><th>Option</th><th>Value</th></tr>
      <tr><td>Protocol</td><td>IMAP</td></tr><tr><td>Mail server</td><td>box.fernhill.example</td></tr>
      <tr><td>IMAP port</td><td>993</td></tr><tr><td>SMTP port</td><td>465</td></tr><tr><td>SMTP security</td><td>SSL or TLS</td></tr></table>`);
    expect(settings).toMatchObject({ outgoingServer: 'box.fernhill.example', port: 465, security: 'tls' });
  });

  it('reads key/value blocks whose value is what the key names, with a star or icon between them', () => {
    const pairsOf = (body: string): Array<[string, string, string | null]> =>
      readPairs(parse(`<!DOCTYPE html><html><body>${body}</body></html>`)).map((pair) => [pair.key, pair.value, pair.context]);
    expect(
      pairsOf(`<h2>Outgoing mail</h2><div class="grid"><div class="row"><span>Server:</span><span><a href="#copy">smtp.wren.example</a></span></div>
        <div class="row"><span>Port</span><span class="req">*</span><span><b>587</b></span></div>
        <div class="row"><span>Encryption</span><i class="icon"></i><span>STARTTLS</span></div>
        <div class="row"><span>Login</span><span>ada@wren.example</span></div></div>`),
    ).toEqual([
      ['server', 'smtp.wren.example', 'outgoing'],
      ['port', '587', 'outgoing'],
      ['encryption', 'starttls', 'outgoing'],
      ['login', 'ada@wren.example', 'outgoing'],
    ]);
    // A template's indentation around a label is no part of it.
    const indent = `\n${' '.repeat(60)}`;
    expect(pairsOf(`<div><label>${indent}SMTP server:${indent}</label><span>${indent}smtp.wren.example${indent}</span></div>`)).toEqual([
      ['smtp server', 'smtp.wren.example', null],
    ]);
    // A card's title and type, a byline, a block with words of its own between its parts, a value that is no
    // host for a server or no number for a port: none is a setting.
    expect(
      pairsOf(`<div><div>SMTP account</div><div>SMTP</div></div><p><span>Posted by</span><span>Ada</span></p>
        <div><span>Server</span> is <span>smtp.wren.example</span></div><div><span>Port</span><span>see below</span></div>
        <div><span>Outgoing server</span><span>Your provider's outgoing server</span></div>
        <div class="top"><a href="/login">Login</a><a href="/register">Register</a></div>
        <nav><div><span>Server</span><span>status.wren.example</span></div></nav>`),
    ).toEqual([]);
    // A wrapper of two blocks is no block itself: its first block is no label.
    expect(
      pairsOf(`<div><div><span>SMTP port</span><span>587</span></div><div><span>IMAP port</span><span>993</span></div></div>`).map(([key, value]) => [key, value]),
    ).toEqual([
      ['smtp port', '587'],
      ['imap port', '993'],
    ]);
  });

  it('gives every single field of a section the direction of its heading, not only the first', () => {
    // Material UI's shape: each label a sibling of its input's wrapper, headings between the sections.
    const field = (label: string, value: string): string =>
      `<div class="MuiFormControl-root"><label class="MuiInputLabel-root">${label}</label><div class="MuiInputBase-root"><input type="text" value="${value}"></div></div>`;
    const settings = extract(`<h5>Add another account</h5>
      <h6>Incoming (POP3)</h6>${field('Server', 'pop.kite.example')}${field('Port', '995')}
      <h6>Outgoing (SMTP)</h6>${field('Server', 'mail.kite.example')}${field('Port', '587')}`);
    expect(settings).toMatchObject({ outgoingServer: 'mail.kite.example', incomingServer: 'pop.kite.example', port: 587 });
    // A heading in a pretty-printed wrapper is read by its words, not its indentation; a heading too long to
    // read ends the way back, so the IMAP heading above is never borrowed for the SMTP section's port.
    const padded = extract(`<form><h6>Incoming (IMAP)</h6>${field('Server', 'imap.kite.example')}${field('Username', 'ada@kite.example')}
      <div>\n${' '.repeat(40)}<h6>Outgoing (SMTP)</h6>\n${' '.repeat(40)}</div>${field('Server', 'smtp.kite.example')}${field('Port', '465')}</form>`);
    expect(padded).toMatchObject({ outgoingServer: 'smtp.kite.example', port: 465 });
    const named = extract(`<form><h6>Incoming (IMAP)</h6>${field('Server', 'imap.kite.example')}${field('Username', 'ada@kite.example')}
      <h6>Sending mail: the server your messages leave through</h6>${field('SMTP server', 'smtp.kite.example')}${field('Port', '465')}</form>`);
    expect(named).toMatchObject({ outgoingServer: 'smtp.kite.example', port: 465 });
  });

  it('classifies a webmail account page that shows its settings as text blocks as an account', () => {
    const page = parse(`<!DOCTYPE html><html lang="en"><head><title>Account – Wren Webmail</title></head><body>
      <div class="bar">Wren Webmail <span>ada@wren.example</span></div><h1>Account details</h1>
      <div class="row"><span class="k">Name:</span><span class="v">Ada Byron</span></div>
      <h2>Servers</h2>
      <div class="row"><span class="k">Incoming server (IMAP):</span><span class="v"><a href="#copy">imap.wren.example</a></span></div>
      <div class="row"><span class="k">Port:</span><span class="v"><b>993</b></span></div>
      <div class="row"><span class="k">Outgoing server (SMTP):</span><span class="v"><a href="#copy">smtp.wren.example</a></span></div>
      <div class="row"><span class="k">Port:</span><span class="v"><b>587</b></span></div>
      <div class="row"><span class="k">Security:</span><span class="v">STARTTLS</span></div>
      <div class="row"><span class="k">User name:</span><span class="v">ada@wren.example</span></div>
      <p>Click a server name to copy it.</p></body></html>`);
    const result = classifyPage(page, 'https://webmail.wren.example/settings/account');
    expect(result.kind).toBe('account');
    expect(result.settings).toMatchObject({ outgoingServer: 'smtp.wren.example', port: 587, security: 'starttls' });
  });

  it('reads a "SMTP | Details" table and shows its submission port rather than the 25 it lists first', () => {
    const settings = extract(`<table><thead><tr><th>IMAP</th><th>Details</th></tr></thead>
      <tr><td>Server hostname</td><td>host.quarry.example</td></tr><tr><td>Port</td><td>143</td></tr><tr><td>Port</td><td>993 (SSL)</td></tr></table>
      <table><thead><tr><th>SMTP</th><th>Details</th></tr></thead>
      <tr><td>Server hostname</td><td>host.quarry.example</td></tr><tr><td>Port</td><td>25</td></tr>
      <tr><td>Port</td><td>587 (SSL)</td></tr><tr><td>Port</td><td>465 (SSL)</td></tr></table>`);
    expect(settings).toMatchObject({ outgoingServer: 'host.quarry.example', incomingServer: 'host.quarry.example', port: 587, security: 'starttls' });
  });
});

describe('forms', () => {
  it('reads label[for] fields inside an outgoing fieldset, not the incoming port', () => {
    const settings = extract(`<form>
      <fieldset><legend>Posteingang</legend><label for="a">Server</label><input id="a" value="imap.example.de"><label for="b">Port</label><input id="b" value="993"></fieldset>
      <fieldset><legend>Postausgang (SMTP)</legend><label for="c">Postausgangsserver</label><input id="c" value="smtp.example.de"><label for="d">Port</label><input id="d" value="587">
      <label for="e">Verschlüsselung</label><select id="e"><option>keine</option><option selected>STARTTLS</option></select></fieldset></form>`);
    expect(settings).toMatchObject({ outgoingServer: 'smtp.example.de', port: 587, security: 'starttls', incomingServer: 'imap.example.de' });
    expect(settings.anchor?.getAttribute('id')).toBe('d');
    // What the opened hint keeps clear of: the outgoing fields only, the incoming ones stay coverable.
    expect(settings.shownIn.map((element) => element.getAttribute('id'))).toEqual(['c', 'd', 'e']);
  });

  it("reads a two-column account table's fields by its 'receive | send' header row, not by the label read last", () => {
    // Each row holds the incoming field on the left and the outgoing one on the right; the left "Port" comes
    // right after the "SMTP server" field in the page's order.
    const row = (left: string, right: string): string => `<tr><td>${left}</td><td>${right}</td></tr>`;
    const field = (id: string, label: string, value: string): string => `<label for="${id}">${label}</label><input id="${id}" value="${value}">`;
    const menu = (id: string, label: string, chosen: string): string =>
      `<label for="${id}">${label}</label><select id="${id}">${['None', 'SSL', 'STARTTLS'].map((mode) => `<option${mode === chosen ? ' selected' : ''}>${mode}</option>`).join('')}</select>`;
    const english = extract(`<table><tr><td>Address</td><td><input value="kim@example.net"></td></tr>
      <tr><td><b>Receive mail:</b></td><td><b>Send mail</b></td></tr>
      ${row(field('a', 'IMAP server', 'imap.example.net'), field('b', 'SMTP server', 'smtp.example.net'))}
      ${row(field('c', 'Port', '993'), field('d', 'Port', '587'))}
      ${row(menu('e', 'Encryption for IMAP server', 'SSL'), menu('f', 'Encryption for SMTP server', 'STARTTLS'))}</table>`);
    expect(english).toMatchObject({ outgoingServer: 'smtp.example.net', port: 587, security: 'starttls', incomingServer: 'imap.example.net' });
    // A column header may say it with the verb alone, its row naming both directions.
    const german = extract(`<table><tr><th>Empfangen</th><th>Senden</th></tr>
      ${row(field('a', 'Server', 'imap.example.de'), field('b', 'Server', 'smtp.example.de'))}
      ${row(field('c', 'Port', '993'), field('d', 'Port', '465'))}
      ${row(menu('e', 'Verschlüsselung', 'SSL'), menu('f', 'Verschlüsselung', 'SSL'))}</table>`);
    expect(german).toMatchObject({ outgoingServer: 'smtp.example.de', port: 465, security: 'tls' });
  });

  it('reads a server field written as a URL: its host, the port after it and the security its scheme says', () => {
    const form = (label: string, value: string): ExtractedSettings =>
      extract(`<form><fieldset><legend>SMTP settings</legend><label for="h">${label}</label><input id="h" value="${value}"></fieldset></form>`);
    expect(form('Server hostname (prefix ssl:// or tls:// for encryption)', 'tls://smtp.example.com:587')).toMatchObject({ outgoingServer: 'smtp.example.com', port: 587, security: 'starttls' });
    expect(form('Server', 'ssl://smtp.example.com:465')).toMatchObject({ outgoingServer: 'smtp.example.com', port: 465, security: 'tls' });
    expect(form('Server', 'submissions://smtp.example.com')).toMatchObject({ outgoingServer: 'smtp.example.com', port: null, security: 'tls' });
    // A label naming the port as well ("Server + Port") still holds the server.
    expect(form('Server-Hostname + Port', 'tls://smtp.example.de:587')).toMatchObject({ outgoingServer: 'smtp.example.de', port: 587, security: 'starttls' });
    // A URL's port and security are its own host's: not another field's server, read before it.
    const two = extract('<form><label for="a">SMTP host</label><input id="a" value="smtp.first.example"><label for="b">SMTP server</label><input id="b" value="tls://smtp.second.example:587"></form>');
    expect(two).toMatchObject({ outgoingServer: 'smtp.first.example', port: null, security: null });
    // The hint's place is the host's field, not a box about the server on the row above it.
    const boxAbove = extract(`<form><fieldset><legend>Outgoing server for this identity</legend><label for="own">Use the account's usual outgoing server</label><input type="checkbox" id="own">
      <label for="h">Host and port</label><input id="h" value="tls://smtp.example.com:587"></fieldset></form>`);
    expect(boxAbove.anchor?.getAttribute('id')).toBe('h');
    // Where the box is the only field about the server, it stays the hint's place.
    const boxAlone = extract(`<form><fieldset><legend>Outgoing server for this identity</legend><label for="own">Use the account's usual outgoing server</label><input type="checkbox" id="own" checked>
      <label for="p">Port</label></fieldset></form>`);
    expect(boxAlone.anchor?.getAttribute('id')).toBe('own');
    // Nor where a list below shows the server the box leaves in use: the hint goes beside the list.
    const boxAndList = extract(`<form><label for="own">Use my own outgoing server</label><input type="checkbox" id="own"></form>
      <dl id="company"><dt>Outgoing server</dt><dd>smtp.example.com</dd><dt>Port</dt><dd>587</dd></dl>`);
    expect(boxAndList).toMatchObject({ outgoingServer: 'smtp.example.com', port: 587 });
    expect(boxAndList.anchor?.getAttribute('id')).not.toBe('own');
    expect(boxAndList.anchor?.closest('dl')?.getAttribute('id')).toBe('company');
    // A plain smtp:// says nothing of the security.
    expect(form('Server', 'smtp://smtp.example.com:25')).toMatchObject({ outgoingServer: 'smtp.example.com', port: 25, security: null });
  });

  it('reads "host" as other languages label a server field, and the HELO name as no server', () => {
    const smtp = (fields: string) => extract(`<form><fieldset><legend>SMTP</legend>${fields}</fieldset></form>`);
    const field = (id: string, label: string, value: string) => `<label for="${id}">${label}</label><input id="${id}" value="${value}">`;
    expect(smtp(field('h', 'ホスト', 'smtp.example.jp') + field('p', 'ポート', '587'))).toMatchObject({ outgoingServer: 'smtp.example.jp', port: 587 });
    expect(smtp(field('h', 'Почтовый хост', 'smtp.example.ru'))).toMatchObject({ outgoingServer: 'smtp.example.ru' });
    expect(smtp(field('h', 'Hostitel', 'smtp.example.cz'))).toMatchObject({ outgoingServer: 'smtp.example.cz' });
    // The name the application greets the server with is its own, not the server's.
    expect(smtp(field('e', 'HELO hostname', 'client.example.org') + field('h', 'Host', 'smtp.example.com'))).toMatchObject({ outgoingServer: 'smtp.example.com' });
    // Hosting is no host.
    expect(smtp(field('w', 'Хостинг', 'web.example.ru'))).toMatchObject({ outgoingServer: null });
    // Dutch "Poortnummer" and "Servernaam"; Russian "Безопасное подключение" (the security).
    expect(smtp(field('n', 'Servernaam', 'smtp.example.nl') + field('p', 'Poortnummer', '587'))).toMatchObject({ outgoingServer: 'smtp.example.nl', port: 587 });
    expect(smtp(field('h', 'Сервер', 'smtp.example.ru') + field('p', 'Порт', '465') + field('s', 'Безопасное подключение', 'SSL'))).toMatchObject({ outgoingServer: 'smtp.example.ru', port: 465, security: 'tls' });
    expect(smtp(field('h', 'Hostiteľ', 'smtp.example.sk'))).toMatchObject({ outgoingServer: 'smtp.example.sk' });
    // In Japanese, Chinese and Korean only the whole label, or a mail word and "host", names the server: the same
    // words run into others (an alternative host, a motherboard, localhost).
    expect(smtp(field('h', '電郵主機 *', 'smtp.example.hk'))).toMatchObject({ outgoingServer: 'smtp.example.hk' });
    expect(smtp(field('h', '호스트', 'smtp.example.kr'))).toMatchObject({ outgoingServer: 'smtp.example.kr' });
    for (const label of ['代替ホスト', 'ローカルホスト', '主機板', '대체 호스트']) expect(smtp(field('x', label, 'other.example.jp')).outgoingServer).toBeNull();
    // A label that names the server and its EHLO keeps the server.
    expect(smtp(field('h', 'SMTP server (EHLO)', 'smtp.example.com')).outgoingServer).toBe('smtp.example.com');
  });

  it('reads a Turkish security label in its inflected forms, not as a server', () => {
    const form = (label: string) =>
      extract(`<form><label for="h">SMTP sunucusu</label><input id="h" value="smtp.example.com.tr"><label for="s">${label}</label>
        <select id="s"><option>Yok</option><option selected>TLS</option></select><label for="p">SMTP bağlantı noktası</label><input id="p" value="587"></form>`);
    expect(form('SMTP güvenliği')).toMatchObject({ outgoingServer: 'smtp.example.com.tr', port: 587, security: 'starttls' });
    expect(form('Bağlantı güvenliği')).toMatchObject({ port: 587, security: 'starttls' });
  });

  it('leaves out the fields of an option left unticked, which the page hides: they keep their default port', () => {
    const profile = (wrapper: string) =>
      extract(`<form><label for="n">Sender name</label><input id="n" value="Kim Lee"><label for="own">Send through my own mail server</label><input type="checkbox" id="own">
        <div class="own-server"${wrapper}><label for="h">Outgoing host</label><input id="h" value=""><label for="p">Outgoing port</label><input id="p" value="25">
        <label for="s">Outgoing security</label><select id="s"><option selected>None</option><option>TLS</option></select></div></form>`);
    expect(profile(' style="display: none;"')).toMatchObject({ outgoingServer: null, port: null, security: null });
    expect(profile(' style="color: red; visibility:hidden !important"')).toMatchObject({ port: null, security: null });
    expect(profile(' hidden')).toMatchObject({ port: null, security: null });
    // Shown, the same fields are read; a style naming another property ("display: none-ish" is no such value) hides nothing.
    expect(profile('')).toMatchObject({ port: 25, security: 'none' });
    expect(profile(' style="max-display: none-ish"')).toMatchObject({ port: 25 });
    // Ticked, the box's block is the settings in use, even while the page has not shown it yet.
    const ticked = extract(`<form><label for="own">Send through my own mail server</label><input type="checkbox" id="own" checked>
      <div style="display:none"><label for="p">Outgoing port</label><input id="p" value="465"></div></form>`);
    expect(ticked.port).toBe(465);
    // A block hidden by anything but an unticked box is one click away: a collapsed "Advanced" part, tabs of
    // every make, a box about something else further up.
    const collapsed = extract(`<form><label for="h">SMTP host</label><input id="h" value="smtp.example.com"><button type="button">Advanced ▸</button>
      <div style="display:none"><label for="p">SMTP port</label><input id="p" value="465"><label for="s">SMTP security</label><select id="s"><option selected>SSL/TLS</option></select></div></form>`);
    expect(collapsed).toMatchObject({ outgoingServer: 'smtp.example.com', port: 465, security: 'tls' });
    const tabContent = extract(`<form><label><input type="checkbox"> Remember me</label><div class="tabs"><button>Incoming</button><button>Outgoing</button></div>
      <div class="tabcontent" style="display:none"><label for="h">Outgoing host</label><input id="h" value="smtp.example.com"></div></form>`);
    expect(tabContent.outgoingServer).toBe('smtp.example.com');
    // A tab's panel not opened yet holds the account's settings, one click away.
    const tabs = (panel: string) =>
      extract(`<div role="tablist"><button role="tab" aria-controls="p-in">Incoming</button><button role="tab" aria-controls="p-out">Outgoing</button></div>
        <form><section id="p-out"${panel}><label for="h">Outgoing host</label><input id="h" value="smtp.example.com"><label for="p">Outgoing port</label><input id="p" value="587"></section></form>`);
    expect(tabs(' hidden')).toMatchObject({ outgoingServer: 'smtp.example.com', port: 587 });
    expect(tabs(' role="tabpanel" style="display:none"')).toMatchObject({ outgoingServer: 'smtp.example.com', port: 587 });
    expect(extract(`<form><div class="tab-pane" style="display: none"><label for="h">SMTP host</label><input id="h" value="smtp.example.com"></div></form>`).outgoingServer).toBe('smtp.example.com');
    // A menu the page draws over its own native select, hidden itself, still holds the choice shown.
    const drawn = extract(`<form><label for="h">SMTP host</label><input id="h" value="smtp.example.com"><label for="s">SMTP security</label>
      <select id="s" style="display:none"><option>None</option><option selected>STARTTLS</option></select><span class="menu-shown">STARTTLS</span></form>`);
    expect(drawn).toMatchObject({ outgoingServer: 'smtp.example.com', security: 'starttls' });
  });

  it('reads the fields under an "SMTP Server" legend by what they hold where their labels name no setting', () => {
    // A legend, then "Address" with a host, an unlabelled port beside it and a "Secure" menu.
    const settings = extract(`<form><fieldset><legend>IMAP Server</legend><label for="a">Address</label><input id="a" value="imap.example.org"><label for="b"> </label><input id="b" value="993"></fieldset>
      <fieldset><legend>SMTP Server</legend><label for="c">Address</label><input id="c" value="smtp.example.org"><label for="d"> </label><input id="d" value="587">
      <label for="e">Secure</label><select id="e"><option>SSL</option><option selected>TLS</option></select></fieldset></form>`);
    expect(settings).toMatchObject({ outgoingServer: 'smtp.example.org', port: 587, security: 'starttls' });
    // A labelled number is not a port for what it holds ("Timeout 25"), nor is an e-mail address a server.
    const other = extract(`<form><fieldset><legend>SMTP Server</legend><label for="c">Address</label><input id="c" value="kim@example.org">
      <label for="d">Timeout</label><input id="d" value="25"></fieldset></form>`);
    expect(other).toMatchObject({ outgoingServer: null, port: null });
    // Only the fieldset's legend gives the fields their role by value, not a direction carried from the
    // label before them: a pager's unlabelled 25 after an SMTP server field is no port.
    expect(extract('<form><label for="s">SMTP server</label><input id="s" value="smtp.example.org"><p><input value="25"> per page</p></form>')).toMatchObject({ outgoingServer: 'smtp.example.org', port: null });
    // What the value alone says comes after what the labels say: an "Address" (a bounce domain) before the labelled server.
    const labelled = extract(`<form><fieldset><legend>Outgoing mail</legend><label for="m">Address</label><input id="m" value="bounces.example.org">
      <label for="s">SMTP host</label><input id="s" value="smtp.example.org"></fieldset></form>`);
    expect(labelled.outgoingServer).toBe('smtp.example.org');
  });

  it('reads "Address" or "IP address" holding a host name as the server of the block its heading says is the outgoing one', () => {
    // A help-desk's inbox screen: an IMAP card and an SMTP card, each with a switch, then "Address", "Port", "Login".
    const card = (title: string, label: string, host: string, port: string): string => `<section><h3>${title}</h3><form>
      <label for="${title}-on"><input type="checkbox" id="${title}-on" checked>Use ${title} for this inbox</label>
      <label for="${title}-a">${label}<input id="${title}-a" type="text" value="${host}"></label>
      <label for="${title}-p">Port<input id="${title}-p" type="number" value="${port}"></label>
      <label for="${title}-l">Login<input id="${title}-l" type="text" value="desk@example.org"></label></form></section>`;
    for (const label of ['Address', 'Adresse', 'Adresse IP', 'IP address', 'Indirizzo', '地址']) {
      const settings = extract(card('IMAP', label, 'imap.example.org', '993') + card('SMTP', label, 'smtp.example.org', '587'));
      expect(settings, label).toMatchObject({ outgoingServer: 'smtp.example.org', port: 587 });
    }
    // Only a host name will do: a street address or a person's address under the SMTP heading names no server.
    expect(extract(card('SMTP', 'Address', '12 Harbour Road', '587')).outgoingServer).toBeNull();
    expect(extract(card('SMTP', 'Address', 'desk@mail.example.org', '587')).outgoingServer).toBeNull();
    // Nor does an "Address" in a form that says nothing of sending (a company's profile).
    expect(extract('<form><label for="w">Address</label><input id="w" value="www.example.org"><label for="c">City</label><input id="c" value="Oslo"></form>').outgoingServer).toBeNull();
    // Only the block's own heading says which side it is, never the fields above it: an appliance's "SMTP host" of
    // localhost, then a "Directory" block's address, lends that address no server role.
    const carried = extract(`<form><label for="h">SMTP host</label><input id="h" value="localhost"><label for="p">SMTP port</label><input id="p" value="25">
      <h3>Directory</h3><label for="d">Address</label><input id="d" value="ldap.birchfield.example"></form>`);
    expect(carried).toMatchObject({ outgoingServer: null, port: 25 });
    // And the heading's block must hold a mail port: a phone's "Outbound proxy" with its SIP port is no mail server.
    expect(extract(card('Outbound proxy', 'Address', 'proxy.voice.example', '5060')).outgoingServer).toBeNull();
  });

  it('ends the side carried from labels before a section heading, so a radio group under a bare caption there is read as the heading\'s block', () => {
    // IMAP fields named as such, then an "SMTP" heading over Server, Port and a radio group whose caption is a bare span.
    const settings = extract(`<form><label for="is">IMAP server</label><input id="is" value="imap.example.org"><label for="ip">IMAP port</label><input id="ip" type="number" value="993">
      <h3>SMTP</h3><div><label for="s">Server</label><input id="s" value="out.example.org"></div><div><label for="p">Port</label><input id="p" type="number" value="587"></div>
      <div><span>Security</span><label><input type="radio" name="sec" value="none"> None</label><label><input type="radio" name="sec" value="ssl"> SSL/TLS</label>
      <label><input type="radio" name="sec" value="starttls" checked> STARTTLS</label></div></form>`);
    expect(settings).toMatchObject({ outgoingServer: 'out.example.org', port: 587, security: 'starttls' });
  });

  it('takes no fetching port with no side of its own for the outgoing one, beside an outgoing server field', () => {
    // A line about sending between the IMAP server and its port leaves the port with no side; 993 is still IMAP's.
    const settings = extract(`<form><div><label for="i">IMAP server</label><input id="i" value="in.example.net"></div><p>Also used for sending (SMTP).</p>
      <div><label for="u">User name</label><input id="u" value="jo"></div><div><label><input type="checkbox" checked> Use SSL</label><label><input type="checkbox"> Keep me signed in</label></div>
      <div><label for="p">Port</label><input id="p" value="993"></div><div><label for="o">SMTP server</label><input id="o" value="out.example.net"></div></form>`);
    expect(settings).toMatchObject({ outgoingServer: 'out.example.net', port: null });
  });

  it('reads the undirected server of a form that names its incoming server as the outgoing one, with its port and security', () => {
    // A CRM's mail account: "Server", "Port", "Security type", then an IMAP block naming its own server.
    const form = (first: string): string => `<form><label for="s">Server</label><input id="s" value="${first}">
      <label for="p">Port</label><input id="p" type="number" value="465"><label for="t">Security type</label>
      <select id="t"><option>None</option><option selected>SSL</option></select>
      <h3>IMAP</h3><label for="ip">IMAP Port</label><input id="ip" type="number" value="993">
      <label for="is">IMAP Server</label><input id="is" value="imap.example.org"></form>`;
    expect(extract(form('out.example.org'))).toMatchObject({ outgoingServer: 'out.example.org', port: 465, security: 'tls' });
    // A form with one server and only an IMAP port is an IMAP form: its server stays unread as the outgoing one.
    const imapOnly = extract(`<form><label for="s">Server</label><input id="s" value="mail.example.org">
      <label for="p">IMAP port</label><input id="p" type="number" value="993"></form>`);
    expect(imapOnly).toMatchObject({ outgoingServer: null, port: null });
    // Two servers of no direction beside the incoming one: which is the outgoing one is not said.
    const two = extract(`<form><label for="a">Server</label><input id="a" value="one.example.org"><label for="b">Server</label><input id="b" value="two.example.org">
      <label for="i">IMAP Server</label><input id="i" value="imap.example.org"></form>`);
    expect(two.outgoingServer).toBeNull();
    // Another service's block above the IMAP one holds no mail port: a directory on 636, a proxy on 3128, the
    // remote mailbox a collector fetches from on 993. None of them is the outgoing server.
    const above = (heading: string, host: string, port: string): string => `<form><h3>${heading}</h3><label for="s">Server</label><input id="s" value="${host}">
      <label for="p">Port</label><input id="p" type="number" value="${port}"><label for="t">Security</label><select id="t"><option selected>SSL</option></select>
      <h3>Mailbox</h3><label for="i">IMAP server</label><input id="i" value="imap.example.org"></form>`;
    for (const [heading, host, port] of [['Directory sign-in', 'ldap.example.org', '636'], ['Proxy', 'proxy.example.org', '3128'], ['Fetch from', 'mail.oldhost.example', '993']] as const) {
      expect(extract(above(heading, host, port)), heading).toMatchObject({ outgoingServer: null, port: null, security: null });
    }
  });

  it('gives the fields under a "Sending mail" heading the outgoing direction, not under a list of services named Send…', () => {
    // A route's protocol menu, then a block of host and port, each field in its own column wrapper.
    const fields = (heading: string): string => `<form><p>${heading}</p><div class="section"><select name="route-protocol" id="route-protocol">
      <option>SMTP</option><option>SMTP/TLS</option><option selected>SMTP/STARTTLS</option><option>Local</option></select>
      <div class="route-settings"><div class="left"><label for="h">Host name</label><input id="h" value="smtp.example.com"></div>
      <div class="left"><label for="n">Port number</label><input id="n" value="587"></div></div></div></form>`;
    expect(extract(fields('Sending Mail'))).toMatchObject({ outgoingServer: 'smtp.example.com', port: 587, security: 'starttls' });
    expect(extract(fields('E-Mails senden'))).toMatchObject({ outgoingServer: 'smtp.example.com', port: 587 });
    // A section heading needs the mail beside the verb: "Send" alone, "Send message" (a chat's) and a row of
    // services' names say nothing of mail.
    for (const heading of ['Send', 'Send message', 'Gmail Sendgrid Mailjet']) expect(extract(fields(heading)).outgoingServer, heading).toBeNull();
    // A card's heading before the form says it too.
    const card = extract(`<h3>Sending mail</h3><form><label for="h">Host name</label><input id="h" value="smtp.example.com"><label for="n">Port number</label><input id="n" value="465"></form>`);
    expect(card).toMatchObject({ outgoingServer: 'smtp.example.com', port: 465 });
  });

  it('reads the German compound "Transportsicherheit" as the security it labels', () => {
    const settings = extract(`<form><label for="a">SMTP Host</label><input id="a" value="smtp.example.de">
      <label for="b">SMTP Transportsicherheit</label><select id="b"><option>Kein(e)</option><option selected>STARTTLS</option></select></form>`);
    expect(settings).toMatchObject({ outgoingServer: 'smtp.example.de', security: 'starttls' });
  });

  it('reads "Encryption for SMTP server" as the security it labels, not as a server', () => {
    const settings = extract(`<form><label for="a">SMTP server</label><input id="a" value="smtp.example.net"><label for="b">Port</label><input id="b" value="587">
      <label for="c">Encryption for SMTP server</label><select id="c"><option>None</option><option selected>STARTTLS</option></select></form>`);
    expect(settings).toMatchObject({ outgoingServer: 'smtp.example.net', port: 587, security: 'starttls' });
    // A server's own field that notes its security after its name stays the server.
    expect(extract('<form><label for="a">SMTP server (SSL)</label><input id="a" value="smtp.example.net"></form>').outgoingServer).toBe('smtp.example.net');
  });

  it('reads the outgoing fieldset in a layout table\'s right column by its own labels, not the incoming column beside it', () => {
    // A dialog laid out as a two-column table: incoming fields left, outgoing right, each label a sibling of
    // its field's wrapper. The left cell is a column of the layout, not the outgoing fields' label.
    const item = (label: string, field: string) => `<div class="item"><label>${label}</label><div class="element">${field}</div></div>`;
    const column = (legend: string, host: string, port: string, encryption: string) =>
      `<fieldset><legend>${legend}</legend>${item('Host:', `<input value="${host}">`)}${item('Port:', `<input value="${port}">`)}${item(`${encryption}:`, '<select><option>None</option><option selected>TLS</option></select>')}</fieldset>`;
    for (const [incoming, outgoing, encryption] of [['Incoming mail', 'Outgoing mail', 'Encryption'], ['Courrier entrant', 'Courrier sortant', 'Cryptage'], ['Inkomende e-mail', 'Uitgaande e-mail', 'Encryptie'], ['Correo entrante', 'Correo saliente', 'Codificación']]) {
      const settings = extract(`<div role="dialog"><table><tr><td>${column(incoming!, 'imap.example.org', '993', encryption!)}</td><td>${column(outgoing!, 'smtp.example.org', '587', encryption!)}</td></tr></table></div>`);
      expect(settings, outgoing).toMatchObject({ outgoingServer: 'smtp.example.org', port: 587, security: 'starttls', incomingServer: 'imap.example.org' });
    }
  });

  it('keeps a left cell as the label when it holds only a checkbox or a hidden input beside its text', () => {
    const settings = extract(`<table>
      <tr><td>Incoming server<input type="hidden" name="k1" value="1"></td><td><input value="imap.example.net"></td></tr>
      <tr><td><input type="checkbox" checked> Outgoing server (SMTP)</td><td><input value="smtp.example.net"></td></tr>
      <tr><td>Outgoing port<input type="hidden" name="k2" value="2"></td><td><input value="587"></td></tr></table>`);
    expect(settings).toMatchObject({ outgoingServer: 'smtp.example.net', port: 587, incomingServer: 'imap.example.net' });
  });

  it('takes no security from "secure authentication", which is how to log in', () => {
    const settings = extract(`<form><label for="h">Outgoing server (SMTP)</label><input id="h" value="smtp.example.net">
      <label for="p">Port</label><input id="p" value="587"><input type="checkbox" id="a" checked><label for="a">Use secure authentication</label></form>`);
    expect(settings).toMatchObject({ outgoingServer: 'smtp.example.net', port: 587, security: null, authentication: 'password' });
  });

  it('takes a Sieve section\'s security choice for no server\'s, beside an SMTP section that has none', () => {
    const settings = extract(`<form><div class="col"><div class="legend">SMTP</div>
      <div class="row"><div>Server<br><input value="smtp.example.com"></div><div>Port<br><input value="587"></div></div></div>
      <div class="col"><div class="legend">Sieve</div><div class="row"><div>Server<br><input value="sieve.example.com"></div><div>Port<br><input value="4190"></div></div>
      <div class="row"><div>Secure<br><select><option>None</option><option selected>SSL/TLS</option></select></div></div></div></form>`);
    expect(settings).toMatchObject({ outgoingServer: 'smtp.example.com', port: 587, security: null });
  });

  it('reads a menu labelled only "Secure" under the SMTP column\'s header, past the column\'s server row', () => {
    // A webmail admin's domain dialog: an IMAP and an SMTP column, each a header, a Server/Port row, then a Secure row.
    const column = (name: string, host: string, port: number, chosen: string) => `<div class="span5"><div class="legend">${name}</div>
      <div class="row"><div>Server<br><input value="${host}"></div><div>Port<br><input value="${port}"></div></div><br>
      <div class="row"><div>Secure<br><select>${['None', 'SSL/TLS', 'STARTTLS'].map((choice) => `<option${choice === chosen ? ' selected' : ''}>${choice}</option>`).join('')}</select></div></div></div>`;
    const dialog = (smtpSecurity: string) => `<form><div class="row">${column('IMAP', 'imap.example.com', 993, 'SSL/TLS')}${column('SMTP', 'smtp.example.com', 587, smtpSecurity)}</div></form>`;
    expect(extract(dialog('STARTTLS'))).toMatchObject({ outgoingServer: 'smtp.example.com', port: 587, security: 'starttls', incomingServer: 'imap.example.com' });
    expect(extract(dialog('None')).security).toBe('none');
    // The menu shows an outgoing setting, so the open hint keeps clear of it as of the server and port fields.
    const shown = extract(dialog('STARTTLS')).shownIn.map((element) => element.tagName.toLowerCase());
    expect(shown).toEqual(['input', 'input', 'select']);
  });

  it('lets no "Secure" menu borrow the SMTP header across another section\'s header', () => {
    // One flat block: the SMTP header and rows, then a Sieve header (or a plain "Advanced" line) and its Secure row.
    const block = (between: string) => `<form><div class="legend">SMTP</div>
      <div class="row"><div>Server<br><input value="smtp.example.com"></div><div>Port<br><input value="587"></div></div>
      ${between}<div class="row"><div>Secure<br><select><option>None</option><option selected>SSL/TLS</option></select></div></div></form>`;
    expect(extract(block('<div class="legend">Sieve</div>'))).toMatchObject({ outgoingServer: 'smtp.example.com', port: 587, security: null });
    expect(extract(block('<div>Advanced</div>')).security).toBeNull();
    // Another section's header however it is written: long, with a toggle or a hidden input in it, indented.
    for (const header of [
      '<div>Sieve (server-side filter rules, ManageSieve)</div><div class="row"><div>Server<br><input value="sieve.example.com"></div></div>',
      '<div><label><input type="checkbox" checked> Sieve</label></div><div class="row"><div>Server<br><input value="sieve.example.com"></div></div>',
      '<div><input type="hidden" name="section" value="ldap">LDAP</div><div class="row"><div>Server<br><input value="ldap.example.com"></div></div>',
      `<div class="legend">${' '.repeat(40)}Sieve${' '.repeat(40)}</div><div class="row"><div>Server<br><input value="sieve.example.com"></div></div>`,
    ]) {
      expect(extract(block(header)).security).toBeNull();
    }
    // With nothing between, the row is the SMTP block's own.
    expect(extract(block('')).security).toBe('tls');
  });

  it('takes a bare "Secure" menu for the outgoing one only under its column header, not by labels before it', () => {
    // "SMTP server" and "SMTP port" labels point the fields after them outgoing; a Sieve line then starts another section.
    expect(
      extract(`<form><div>SMTP server <input value="smtp.example.com"></div><div>SMTP port <input value="587"></div>
        <div>Sieve</div><div>Server <input value="sieve.example.com"></div>
        <div>Secure <select><option>None</option><option selected>SSL/TLS</option></select></div></form>`).security,
    ).toBeNull();
    // Two columns written interleaved: both headers, then the servers, the ports and the menus side by side.
    const interleaved = `<form><div>IMAP</div><div>SMTP</div>
      <div>Server <input value="imap.example.com"></div><div>Server <input value="smtp.example.com"></div>
      <div>Port <input value="993"></div><div>Port <input value="587"></div>
      <div>Secure <select><option selected>SSL/TLS</option></select></div><div>Secure <select><option selected>STARTTLS</option></select></div></form>`;
    expect(extract(interleaved).security).toBeNull();
    // The same, one line a column: the IMAP menu must not reach the SMTP header past the server lines.
    const oneLine = `<form><div>IMAP</div><div>SMTP</div>
      <div>IMAP server<input value="imap.example.com"> IMAP port<input value="993"></div>
      <div>SMTP server<input value="smtp.example.com"> SMTP port<input value="587"></div>
      <div>Secure<select><option selected>SSL/TLS</option></select></div><div>Secure<select><option selected>STARTTLS</option></select></div></form>`;
    expect(extract(oneLine)).toMatchObject({ outgoingServer: 'smtp.example.com', port: 587, security: null });
  });

  it('reads each column\'s own header for its "Secure" menu, and only an outgoing header by name', () => {
    // Headings inside each column, the menu right in the column: a neighbouring column's text is no header.
    const column = (name: string, host: string, port: number, chosen: string) => `<div class="column"><h4>${name}</h4>
      <div class="line"><div>Server<br><input value="${host}"></div><div>Port<br><input value="${port}"></div></div>
      Secure<br><select><option>None</option><option${chosen === 'SSL' ? ' selected' : ''}>SSL</option><option${chosen === 'TLS' ? ' selected' : ''}>TLS</option></select></div>`;
    const grid = (...columns: string[]) => `<form><div class="grid">${columns.join('')}</div></form>`;
    expect(extract(grid(column('IMAP', 'imap.example.com', 993, 'SSL'), column('SMTP', 'smtp.example.com', 587, 'TLS'), column('Sieve', 'sieve.example.com', 4190, 'SSL')))).toMatchObject({ port: 587, security: 'starttls' });
    // A Sieve column after an SMTP column with no menu of its own lends nothing.
    const smtpWithoutMenu = '<div class="column"><h4>SMTP</h4><div class="line"><div>Server<br><input value="smtp.example.com"></div><div>Port<br><input value="587"></div></div></div>';
    expect(extract(grid(smtpWithoutMenu, column('Sieve', 'sieve.example.com', 4190, 'SSL'))).security).toBeNull();
    // A header that only starts like an outgoing one ("Outbound proxy", "Outgoing mail filters") is another column.
    for (const name of ['Outbound proxy', 'Outgoing mail filters', 'SMTP relay for notifications']) {
      expect(extract(grid(smtpWithoutMenu, column(name, 'other.example.com', 3128, 'SSL'))).security).toBeNull();
    }
    // Another section's title inside its first line, an icon for a header, or a toggle sharing the line.
    const flat = (between: string) => `<form><div class="column-head">SMTP</div><div class="line">Server<input value="smtp.example.com"> Port<input value="587"></div>
      ${between}<div class="line"><div>Secure<br><select><option>None</option><option selected>SSL/TLS</option></select></div></div></form>`;
    for (const between of [
      '<div class="line"><div class="column-head">Sieve</div><div>Server<br><input value="sieve.example.com"></div></div>',
      '<div class="legend"><img alt="Sieve" src="sieve.svg"></div><div class="line">Server<input value="sieve.example.com"></div>',
      '<div class="line"><label><input type="checkbox" checked> Sieve</label> Port <input value="4190"></div>',
    ]) {
      expect(extract(flat(between)).security).toBeNull();
    }
    expect(extract(flat('')).security).toBe('tls');
  });

  it('reads a column header whole, and stops at anything between it and the menu that is not a plain row of server labels', () => {
    const smtpWithoutMenu = '<div class="column"><h4>SMTP</h4><div class="line"><div>Server<br><input value="smtp.example.com"></div><div>Port<br><input value="587"></div></div></div>';
    // A header written over indented lines: its words past the first 80 characters count too.
    const pad = ' '.repeat(60);
    const relay = `<div class="column"><h4>\n${pad}SMTP\n${pad}<small>relay for notifications</small>\n</h4>
      <div class="line"><div>Server<br><input value="relay.example.com"></div><div>Port<br><input value="2525"></div></div>
      Secure<br><select><option>None</option><option selected>SSL</option></select></div>`;
    expect(extract(`<form>${smtpWithoutMenu}${relay}</form>`).security).toBeNull();
    const flat = (between: string) => `<form><div class="col-head">SMTP</div><div class="row">Server<input value="smtp.example.com"> Port<input value="587"></div>
      ${between}<div class="row">Secure<br><select><option>None</option><option selected>SSL/TLS</option></select></div></form>`;
    for (const between of [
      // A row whose other words lie past an indentation.
      `<div class="row">\n${' '.repeat(12)}<label>Server</label>\n${' '.repeat(12)}<input value="sieve.example.com">\n${' '.repeat(12)}<label>Port</label>\n${' '.repeat(12)}<input value="4190">\n${' '.repeat(12)}<span class="badge">Sieve</span>\n</div>`,
      // A bare icon, a bare toggle, or a field with no label of its own between.
      '<img alt="Sieve" src="sieve.svg"><div class="row">Server<input value="sieve.example.com"></div>',
      '<input type="checkbox" checked>',
      '<input value="sieve.example.com">',
      // A hidden header.
      '<div hidden>Sieve</div>',
    ]) {
      expect(extract(flat(between)).security).toBeNull();
    }
    expect(extract(flat('<br>')).security).toBe('tls');
    // A hidden "SMTP" is no header, nor a script's text.
    for (const header of ['<div hidden>SMTP</div>', '<script>var tab = "SMTP";</script><div style="display: none">SMTP</div>']) {
      expect(extract(`<form>${header}<div class="row">Server<input value="smtp.example.com"> Port<input value="587"></div><div class="row">Secure<br><select><option selected>SSL/TLS</option></select></div></form>`).security).toBeNull();
    }
    // Bare text naming another section, beside the menu or between the rows, and a row with a button or icon in it.
    const menu = '<select><option>None</option><option selected>SSL/TLS</option></select>';
    const smtpRow = '<div class="row">Server<input value="smtp.example.com"> Port<input value="587"></div>';
    for (const page of [
      `<form><div>SMTP</div>${smtpRow}<div>Sieve<br>Secure<br>${menu}</div></form>`,
      `<form><div>SMTP</div>${smtpRow} Sieve <div class="row">Secure<br>${menu}</div></form>`,
      `<form><div>SMTP</div>${smtpRow} Sieve <div class="row">Server<input value="sieve.example.com"> Port<input value="4190"></div><div class="row">Secure<br>${menu}</div></form>`,
      `<form><div>SMTP</div>${smtpRow}<div class="row"><input type="button" value="Sieve"> Server<input value="sieve.example.com"> Port<input value="4190"></div><div class="row">Secure<br>${menu}</div></form>`,
      `<form><div>SMTP</div>${smtpRow}<div class="row"><img alt="Sieve" src="s.svg"> Server<input value="sieve.example.com"></div><div class="row">Secure<br>${menu}</div></form>`,
      `<form><div style="visibility: hidden">SMTP</div>${smtpRow}<div class="row">Secure<br>${menu}</div></form>`,
      `<form><div aria-hidden="true">SMTP</div>${smtpRow}<div class="row">Secure<br>${menu}</div></form>`,
    ]) {
      expect(extract(page).security).toBeNull();
    }
    // A row naming its section by an icon or a badge's attribute only.
    for (const badge of ['<i class="fa fa-filter" title="Sieve"></i>', '<span class="badge" aria-label="Sieve"></span>']) {
      expect(extract(`<form><div>SMTP</div>${smtpRow}<div class="row">${badge} Server<input value="sieve.example.com"> Port<input value="4190"></div><div class="row">Secure<br>${menu}</div></form>`).security).toBeNull();
    }
    // Two columns laid out row by row in one grid: the right column's header is not the left menu's.
    const grid = (left: string) => `<form><div class="grid2"><div>${left}</div><div>SMTP</div>
      <div>Server <input value="other.example.com"> Port <input value="4190"></div><div>Server <input value="smtp.example.com"> Port <input value="587"></div>
      <div>Secure <select><option>None</option><option selected>SSL/TLS</option><option>STARTTLS</option></select></div>
      <div>Secure <select><option>None</option><option>SSL/TLS</option><option selected>STARTTLS</option></select></div></div></form>`;
    for (const left of ['Sieve', 'IMAP']) expect(extract(grid(left)).security).toBeNull();
    // The same grid with the menus straight under the headers, and radio tabs whose labels come before all panels.
    expect(
      extract(`<form><div class="grid2"><div>IMAP</div><div>SMTP</div>
        <div>Secure <select><option selected>SSL/TLS</option></select></div><div>Secure <select><option selected>STARTTLS</option></select></div>
        <div>Server <input value="imap.example.com"></div><div>Server <input value="smtp.example.com"></div></div></form>`).security,
    ).toBeNull();
    expect(
      extract(`<form><div class="tabs"><input type="radio" name="t" id="t1" checked><label for="t1">IMAP</label><input type="radio" name="t" id="t2"><label for="t2">SMTP</label>
        <div class="panel"><div class="cg"><label for="s1">Secure</label><select id="s1"><option>None</option><option selected>SSL/TLS</option></select></div>
        <div class="cg"><label for="h1">Server</label><input id="h1" value="imap.example.com"></div></div></div></form>`).security,
    ).toBeNull();
    // The menu's own label beside it, as text or as a label element, is no other section.
    expect(extract(`<form><div>SMTP</div>${smtpRow}<div class="row">Secure<br>${menu}</div></form>`).security).toBe('tls');
    expect(extract(`<form><div>SMTP</div>${smtpRow}<div class="row"><label>Secure</label> ${menu}</div></form>`).security).toBe('tls');
    // A group named only by its aria-label is a section of its own: the menu does not climb out of it.
    expect(
      extract(`<form><div class="col-head">SMTP</div><div class="row">Server<input value="smtp.example.com"> Port<input value="587"></div>
        <div role="group" aria-label="Sieve"><div><div>Secure<br><select><option selected>STARTTLS</option></select></div></div></div></form>`).security,
    ).toBeNull();
  });

  it('keeps the hint beside the SMTP port when an incoming section with a described heading follows', () => {
    const settings = extract(`<form><h2>Outgoing server</h2>
      <div><div>Server <input value="smtp.example.com"></div><div>Port <input value="587" id="out-port"></div></div>
      <div><div><h3>Incoming server</h3><p>Where your mail is fetched from.</p></div><div>Server <input value="imap.example.com"></div><div>Port <input value="993"></div></div></form>`);
    expect(settings.port).toBe(587);
    expect(settings.anchor?.getAttribute('id')).toBe('out-port');
  });

  it('reads the security from a protocol menu whose choice pairs SMTP with it', () => {
    const page = (chosen: string) => `<form><label for="p">Protocol</label><select id="p">${['Local delivery', 'SMTP/STARTTLS', 'SMTP/SSL'].map((choice) => `<option${choice === chosen ? ' selected' : ''}>${choice}</option>`).join('')}</select>
      <label for="h">Outgoing server</label><input id="h" value="mail.example.com"><label for="n">Port</label><input id="n" value="${chosen === 'SMTP/SSL' ? 465 : 587}"></form>`;
    expect(extract(page('SMTP/STARTTLS'))).toMatchObject({ outgoingServer: 'mail.example.com', port: 587, security: 'starttls' });
    expect(extract(page('SMTP/SSL'))).toMatchObject({ port: 465, security: 'tls' });
    expect(extract(page('Local delivery')).security).toBeNull();
    // The same pairing in brackets, as other admin screens write it.
    const bracketed = (chosen: string) => page(chosen).replace('SMTP/STARTTLS', 'SMTP (STARTTLS)').replace('SMTP/SSL', 'SMTP (SSL)');
    expect(extract(bracketed('SMTP/STARTTLS'))).toMatchObject({ port: 587, security: 'starttls' });
    expect(extract(bracketed('SMTP/SSL'))).toMatchObject({ port: 465, security: 'tls' });
    // Brackets that name no security give none.
    expect(extract(page('SMTP/STARTTLS').replace('SMTP/STARTTLS', 'SMTP (port 25)')).security).toBeNull();
  });

  it('reads a bare "Use TLS" as implicit TLS when the port the page gives is 465, and as STARTTLS on 587', () => {
    // An "Add server" form whose port field is empty, beside the configured server's line.
    const page = (port: number) => `<form><label for="h">SMTP server address</label><input id="h" value="mail.example.net">
      <label for="p">SMTP port</label><input id="p" type="number" value="${port}"><input type="checkbox" id="t" checked><label for="t">Use TLS</label></form>`;
    expect(extract(page(465))).toMatchObject({ port: 465, security: 'tls' });
    expect(extract(page(587))).toMatchObject({ port: 587, security: 'starttls' });
    const configured = extract(`<form><label for="h">SMTP server address</label><input id="h" value="">
      <label for="p">SMTP port</label><input id="p" type="number" value=""><input type="checkbox" id="t" checked><label for="t">Use TLS</label></form>
      <table><tr><th>SMTP</th><th>Server</th></tr><tr><td>Server</td><td>mail.example.net</td></tr><tr><td>Port</td><td>465</td></tr></table>`);
    expect(configured).toMatchObject({ outgoingServer: 'mail.example.net', port: 465, security: 'tls' });
  });

  it('reads wrapping labels, aria-label, aria-labelledby and radio choices', () => {
    const wrapped = extract(`<div role="dialog"><label>SMTP Server: <input value="smtp.example.com"></label>
      <label>Port: <select><option>25</option><option selected>465</option></select></label>
      <label><input type="radio" name="s" checked> Secured connection using SSL</label></div>`);
    expect(wrapped).toMatchObject({ outgoingServer: 'smtp.example.com', port: 465, security: 'tls' });
    const aria = extract(`<div><input aria-label="Servidor de salida (SMTP)" value="smtp.ejemplo.es"><input aria-label="Puerto" value="2525">
      <span id="l">Cifrado</span><select aria-labelledby="l"><option selected>SSL/TLS</option></select></div>`);
    expect(aria).toMatchObject({ outgoingServer: 'smtp.ejemplo.es', port: 2525, security: 'tls' });
  });

  it('keeps what the form holds, even port 25 with no security', () => {
    const settings = extract(`<form><table><tr><td><label for="h">SMTP server</label></td><td><input id="h" value="smtp.example.net"></td></tr>
      <tr><td><label for="p">SMTP port</label></td><td><input id="p" type="number" value="25"></td></tr>
      <tr><td><label for="s">Encryption</label></td><td><select id="s"><option selected>None</option><option>STARTTLS</option></select></td></tr></table></form>`);
    expect(settings).toMatchObject({ outgoingServer: 'smtp.example.net', port: 25, security: 'none' });
  });

  it("tells a tabbed dialog's IMAP, SMTP and Sieve fields apart by their names when the labels do not", () => {
    const tab = (names: string, host: string, port: string, security: string) =>
      `<div role="tabpanel"><label for="${names}-h">Host</label><input id="${names}-h" name="${names}_hostname" value="${host}">
       <label for="${names}-p">Port</label><input id="${names}-p" name="${names}_port" value="${port}">
       <label for="${names}-s">Secure connection</label><input id="${names}-s" value="${security}"></div>`;
    // The IMAP tab's fields carry no protocol in their names, as in the dialog this shape comes from.
    const imap = tab('x', 'imap.example.net', '993', 'SSL').replaceAll('x_hostname', 'host').replaceAll('x_port', 'port');
    const settings = extract(`<form>${imap}${tab('smtp', 'smtp.example.net', '587', 'TLS')}${tab('sieve', 'sieve.example.net', '4190', 'TLS')}</form>`);
    expect(settings).toMatchObject({ outgoingServer: 'smtp.example.net', port: 587, security: 'starttls' });
  });

  it('reads an "encryption" or "secure connection" choice in the words of several languages', () => {
    for (const label of ['Cifratura', 'Connexion sécurisée', 'Sichere Verbindung', 'Bezpieczne połączenie']) {
      const settings = extract(`<form><label for="h">SMTP server</label><input id="h" value="smtp.example.net"><label for="p">Port</label><input id="p" value="465">
        <label for="s">${label}</label><select id="s"><option>None</option><option selected>SSL</option></select></form>`);
      expect(settings.security).toBe('tls');
    }
  });

  it('keeps a Japanese or Chinese security or authentication label apart from the server, and a code field apart from both', () => {
    const security = extract('<form><label for="h">送信サーバー</label><input id="h" value="smtp.example.jp"><label for="p">送信サーバーのポート</label><input id="p" value="587"><label for="s">送信サーバーの暗号化</label><select id="s"><option selected>STARTTLS</option></select></form>');
    expect(security).toMatchObject({ outgoingServer: 'smtp.example.jp', port: 587, security: 'starttls' });
    const code = extract('<form><label for="h">SMTP server</label><input id="h" value="smtp.example.kr"><label for="c">인증 코드</label><input id="c" value="482913"></form>');
    expect(code.authentication).toBeNull();
  });

  it('uses placeholders when there is no label', () => {
    const settings = extract('<form><input placeholder="Server in uscita (SMTP)" value="smtp.esempio.it"><input placeholder="Porta SMTP" value="465"></form>');
    expect(settings).toMatchObject({ outgoingServer: 'smtp.esempio.it', port: 465 });
  });
});

describe('definition lists', () => {
  it('reads dt/dd pairs and carries the direction to a bare "Port"', () => {
    const settings = extract(`<dl><dt>Serveur entrant (IMAP)</dt><dd>imap.exemple.fr</dd><dt>Port</dt><dd>993</dd>
      <dt>Serveur sortant (SMTP)</dt><dd>smtp.exemple.fr</dd><dt>Port</dt><dd>465</dd><dt>Chiffrement</dt><dd>SSL/TLS</dd></dl>`);
    expect(settings).toMatchObject({ outgoingServer: 'smtp.exemple.fr', incomingServer: 'imap.exemple.fr', port: 465, security: 'tls' });
    expect(settings.anchor?.tagName.toLowerCase()).toBe('dl');
    expect(settings.shownIn).toEqual([settings.anchor]);
  });

  it('keeps every table that gives an outgoing setting, and no incoming one', () => {
    const settings = extract(`<table id="in"><tr><th>IMAP</th><th>Values</th></tr><tr><td>Host</td><td>mx.example.net</td></tr><tr><td>Port</td><td>993</td></tr></table>
      <table id="out"><tr><th>SMTP</th><th>Values</th></tr><tr><td>Host</td><td>mx.example.net</td></tr><tr><td>Port</td><td>587</td></tr></table>
      <table id="auth"><tr><td>Outgoing authentication</td><td>Password</td></tr></table>`);
    expect(settings).toMatchObject({ outgoingServer: 'mx.example.net', port: 587 });
    expect(settings.shownIn.map((element) => element.id)).toEqual(['out', 'auth']);
  });
});

describe('key/value lists', () => {
  // A control panel's settings sidebar: one host for every protocol, then a list per protocol under its
  // heading, each row keyed by the security and giving its port.
  const sidebar = (outgoingHeading: string) => `<div class="panel"><h2>Common settings</h2>
    <ul id="common"><li><span>Username</span><span>info@example.org</span></li><li><span>Hostname</span><span>mail.example.org</span></li></ul>
    <h2>IMAP settings</h2><ul id="imap"><li><span>SSL/TLS</span><span>Port 993</span></li><li><span>STARTTLS</span><span>Port 143</span></li></ul>
    <h2>${outgoingHeading}</h2><ul id="smtp"><li><span>SSL/TLS</span><span>Port 465</span></li><li><span>STARTTLS</span><span>Port 587</span></li><li><span>No encryption</span><span>Port 25</span></li></ul></div>`;

  it('takes the outgoing rows from the list under an SMTP heading, the security from each row\'s key, the host from the shared row', () => {
    const settings = extract(sidebar('SMTP settings'));
    expect(settings).toMatchObject({ outgoingServer: 'mail.example.org', port: 465, security: 'tls' });
    // The hint stands by the host the outgoing rows share, and keeps clear of both lists.
    expect(settings.anchor?.id).toBe('common');
    expect(settings.shownIn.map((element) => element.id).sort()).toEqual(['common', 'smtp']);
    const german = extract(sidebar('Postausgang'));
    expect(german).toMatchObject({ outgoingServer: 'mail.example.org', port: 465, security: 'tls' });
  });

  it('gives the lists no direction where their heading names none', () => {
    expect(extract(sidebar('Other settings'))).toMatchObject({ outgoingServer: null, port: null });
  });

  it('takes only the heading right before a list: an IMAP list after an SMTP one stays incoming', () => {
    const settings = extract(`<h2>SMTP</h2><ul><li><span>Hostname</span><span>mail.example.org</span></li></ul>
      <p><b>IMAP</b></p><ul><li><span>SSL/TLS</span><span>Port 993</span></li></ul>`);
    expect(settings.port).toBeNull();
    expect(settings.security).toBeNull();
  });

  it('reads a row keyed by a security mode only when its value is a port: no TLS version, key length or year', () => {
    const settings = extract(`<h2>SMTP</h2><ul><li><span>Hostname</span><span>mail.example.org</span></li>
      <li><span>TLS</span><span>1.2 and 1.3, 128 or 256 bit</span></li><li><span>SSL</span><span>expires 2027</span></li><li><span>Port</span><span>587</span></li></ul>`);
    expect(settings).toMatchObject({ outgoingServer: 'mail.example.org', port: 587 });
  });
});

describe("forms as today's frameworks draw them", () => {
  it("reads Element UI's label column over a number field's steppers and a menu's placeholder", () => {
    const item = (label: string, control: string) =>
      `<div class="el-form-item"><div class="el-form-item__label">${label}</div><div class="el-form-item__content">${control}</div></div>`;
    const number = (value: string) =>
      `<div class="el-input-number"><span class="el-input-number__decrease">-</span><div class="el-input"><input type="text" value="${value}"></div><span class="el-input-number__increase">+</span></div>`;
    const settings = extract(`<form class="el-form">
      <div class="el-divider"><div class="el-divider__text">Réception (IMAP)</div></div>
      ${item('Serveur entrant', '<div class="el-input"><input type="text" value="imap.exemple.fr"></div>')}${item('Port', number('993'))}
      <div class="el-divider"><div class="el-divider__text">Envoi (SMTP)</div></div>
      ${item('Serveur sortant', '<div class="el-input"><input type="text" value="smtp.exemple.fr"></div>')}${item('Port', number('587'))}
      ${item('Sécurité', '<div class="el-select"><div class="el-input"><input type="text" readonly placeholder="Choisir" value="STARTTLS"><span><i class="el-icon-arrow-up"></i></span></div></div>')}
    </form>`);
    expect(settings).toMatchObject({ outgoingServer: 'smtp.exemple.fr', port: 587, security: 'starttls', incomingServer: 'imap.exemple.fr' });
  });

  it("reads Ant Design's label column six wrappers away from a number field", () => {
    const row = (label: string, control: string) =>
      `<div class="ant-row ant-form-item"><div class="ant-col ant-form-item-label"><label title="${label}">${label}</label></div><div class="ant-col ant-form-item-control"><div class="ant-form-item-control-input"><div class="ant-form-item-control-input-content">${control}</div></div></div></div>`;
    const settings = extract(`<form class="ant-form">
      ${row('Servidor SMTP', '<input class="ant-input" type="text" value="correo.ejemplo.es">')}
      ${row('Puerto', '<div class="ant-input-number"><div class="ant-input-number-handler-wrap"><span role="button" aria-label="Increase Value"></span><span role="button" aria-label="Decrease Value"></span></div><div class="ant-input-number-input-wrap"><input class="ant-input-number-input" value="465"></div></div>')}
    </form>`);
    expect(settings).toMatchObject({ outgoingServer: 'correo.ejemplo.es', port: 465 });
  });

  it("reads Material UI's menu by its label, not by the choice it shows beside its hidden input", () => {
    const field = (label: string, inner: string) =>
      `<div class="MuiFormControl-root"><label class="MuiInputLabel-root">${label}</label><div class="MuiInputBase-root">${inner}</div></div>`;
    const settings = extract(`<form><h6>Postausgang (SMTP)</h6>
      ${field('Server', '<input type="text" value="mail.beispiel.de">')}${field('Port', '<input type="number" value="587">')}
      ${field('Verschlüsselung', '<div role="button" aria-haspopup="listbox">STARTTLS</div><input aria-hidden="true" tabindex="-1" value="starttls"><svg></svg>')}
    </form>`);
    expect(settings).toMatchObject({ outgoingServer: 'mail.beispiel.de', port: 587, security: 'starttls' });
  });

  it("takes a card's heading for its form's direction and a ticked SSL/TLS box for its security", () => {
    const field = (id: string, label: string, value: string, type = 'text') =>
      `<div class="v-input"><div class="v-input__slot"><label for="${id}">${label}</label><input id="${id}" type="${type}" value="${value}"></div></div>`;
    const card = (title: string, tick: string) => `<div class="v-card"><div class="v-card__title">${title}</div><div class="v-card__text"><form>
      ${field('h', 'Servidor', 'smtp.exemplo.pt')}${field('p', 'Porta', '465', 'number')}
      <div class="v-input"><input id="s" type="checkbox" ${tick}><label for="s">Usar SSL/TLS</label></div></form></div></div>`;
    expect(extract(card('Servidor de saída (SMTP)', 'checked'))).toMatchObject({ outgoingServer: 'smtp.exemplo.pt', port: 465, security: 'tls' });
    // Unticked, the box says nothing of the security; under an incoming heading, the form is no outgoing one.
    expect(extract(card('Servidor de saída (SMTP)', ''))).toMatchObject({ outgoingServer: 'smtp.exemplo.pt', security: null });
    expect(extract(card('Servidor de entrada (IMAP)', 'checked'))).toMatchObject({ outgoingServer: null, port: null, security: null });
  });

  it("reads Ant Design's menu, its choice shown beside a read-only search box, for the settings only", () => {
    const menu = (id: string, choice: string) =>
      `<div class="ant-select"><div class="ant-select-selector"><span class="ant-select-selection-search"><input type="search" id="${id}" class="ant-select-selection-search-input" role="combobox" readonly value=""></span><span class="ant-select-selection-item" title="${choice}">${choice}</span></div><span class="ant-select-arrow"><span role="img" aria-label="down"></span></span></div>`;
    const html = `<form><label for="h">SMTP host</label><input id="h" value="out.example.org"><label for="p">Port</label><input id="p" value="25">
      <label for="e">Encryption</label>${menu('e', 'None')}<label for="l">Language</label>${menu('l', 'English')}</form>`;
    expect(extract(html)).toMatchObject({ outgoingServer: 'out.example.org', port: 25, security: 'none' });
    // The smells see the form's two text fields only: a language picker drawn the same way is no form field to them.
    const facts = gatherFacts(parse(`<html><body>${html}</body></html>`), 'https://example.net/');
    expect(facts.fields.filter((field) => field.settingsOnly !== true).map((field) => field.label)).toEqual(['smtp host', 'port']);
    // A search box that is no menu (not read-only) stays unread.
    expect(gatherFacts(parse('<html><body><form><input type="search" role="combobox" value=""><span>Recent</span></form></body></html>'), 'https://example.net/').fields).toEqual([]);
  });

  it("reads Vuetify's menu by the choice it shows, a box its script ticked, and a section heading over a row of two fields", () => {
    const text = (id: string, label: string, value: string) =>
      `<div class="v-input"><div class="v-input__control"><div class="v-input__slot"><div class="v-text-field__slot"><label for="${id}">${label}</label><input id="${id}" readonly type="text" value="${value}"></div></div></div></div>`;
    const row = (server: string, port: string) => `<div class="row"><div class="col">${text(`s${port}`, 'Palvelin', server)}</div><div class="col">${text(`p${port}`, 'Portti', port)}</div></div>`;
    const settings = extract(`<form class="v-form">
      <div class="text-overline">Saapuva posti (IMAP)</div>${row('imap.example.fi', '993')}
      <div class="text-overline">Lähtevä posti (SMTP)</div>${row('smtp.example.fi', '465')}
      <div class="v-input v-select"><div class="v-input__control"><div role="button" aria-haspopup="listbox" class="v-input__slot"><div class="v-select__slot"><label for="sec">Salaus</label><div class="v-select__selections"><div class="v-select__selection">SSL/TLS</div><input id="sec" readonly type="text"></div></div></div></div></div>
    </form>`);
    expect(settings).toMatchObject({ outgoingServer: 'smtp.example.fi', port: 465, security: 'tls', incomingServer: 'imap.example.fi' });
    const ticked = (state: string) =>
      extract(`<h3>Outgoing server</h3><form><label for="a">Server</label><input id="a" value="smtp.example.com"><label for="b">Port</label><input id="b" value="465">
      <input id="c" type="checkbox" role="checkbox" aria-checked="${state}" value=""><label for="c">Use SSL/TLS</label></form>`);
    expect(ticked('true')).toMatchObject({ outgoingServer: 'smtp.example.com', port: 465, security: 'tls' });
    expect(ticked('false').security).toBeNull();
  });

  it("reads a menu's stored choice in Semantic UI's dropdown and Ionic's select, and no hidden input elsewhere", () => {
    const semantic = (stored: string, shown: string) => `<h4>Serveur d'envoi (SMTP)</h4><form class="ui form">
      <div class="field"><label>Serveur</label><input type="text" value="smtp.exemple.fr"></div><div class="field"><label>Port</label><input type="number" value="465"></div>
      <div class="field"><label>Sécurité</label><div class="ui selection dropdown"><input type="hidden" name="securite" value="${stored}"><i class="dropdown icon"></i><div class="text">${shown}</div>
      <div class="menu"><div class="item">Aucune</div><div class="item">STARTTLS</div><div class="item active selected">SSL/TLS</div></div></div></div></form>`;
    const read = extract(semantic('ssl', 'SSL/TLS'));
    expect(read).toMatchObject({ outgoingServer: 'smtp.exemple.fr', port: 465, security: 'tls' });
    // The open hint keeps clear of the menu a person sees, not of its hidden input.
    expect(read.shownIn.map((element) => element.getAttribute('class'))).toContain('ui selection dropdown');
    const ionic = `<ion-list><ion-item><ion-input><label class="input-wrapper"><div class="label-text">Server SMTP</div><div class="native-wrapper"><input type="text" value="smtp.exemplu.ro"></div></label></ion-input></ion-item>
      <ion-item><ion-input><label class="input-wrapper"><div class="label-text">Port</div><div class="native-wrapper"><input type="number" value="587"></div></label></ion-input></ion-item>
      <ion-item><ion-select value="starttls"><label class="select-wrapper"><div class="label-text">Tip de securitate</div><div class="select-text">STARTTLS</div></label><input type="hidden" class="aux-input" value="starttls"></ion-select></ion-item></ion-list>`;
    expect(extract(ionic)).toMatchObject({ outgoingServer: 'smtp.exemplu.ro', port: 587, security: 'starttls' });
    // A hidden input outside a menu (a form's token, a record's id) is no field.
    const facts = gatherFacts(parse('<html><body><form><label>Security</label><div class="row"><input type="hidden" value="ssl"></div></form></body></html>'), 'https://example.net/');
    expect(facts.fields).toEqual([]);
  });

  it("reads PrimeVue's and ExtJS's menus, and takes no menu's shown choice for its label", () => {
    const prime = `<h3>Posta in uscita</h3><form><div class="field"><label for="h">Server</label><input id="h" type="text" value="smtp.esempio.it"></div>
      <div class="field"><label for="p">Porta</label><span class="p-inputnumber"><input id="p" role="spinbutton" value="465"></span></div>
      <div class="field"><label>Sicurezza</label><div class="p-dropdown"><div class="p-hidden-accessible"><input type="text" readonly aria-haspopup="listbox"></div><span class="p-dropdown-label">SSL/TLS</span><div class="p-dropdown-trigger"><span class="pi pi-chevron-down"></span></div></div></div></form>`;
    expect(extract(prime)).toMatchObject({ outgoingServer: 'smtp.esempio.it', port: 465, security: 'tls' });
    const ext = (label: string, control: string) =>
      `<div class="x-form-item"><label class="x-form-item-label"><span>${label}</span></label><div class="x-form-item-body"><div class="x-form-trigger-wrap"><div class="x-form-text-wrap">${control}</div><div class="x-form-trigger"></div></div><input type="hidden" value="x"></div></div>`;
    const extjs = `<fieldset><legend>Исходящая почта (SMTP)</legend>${ext('Сервер:', '<input type="text" value="smtp.primer.example">')}${ext('Порт:', '<input type="text" role="spinbutton" value="587">')}
      ${ext('Шифрование:', '<input type="text" role="combobox" readonly value="STARTTLS">')}</fieldset>`;
    expect(extract(extjs)).toMatchObject({ outgoingServer: 'smtp.primer.example', port: 587, security: 'starttls' });
    // Vuetify 3: the choice "STARTTLS" stands beside the box that stores "starttls"; the label is the one above.
    const vuetify = `<form><h4>Udgående server</h4><div class="v-field"><div class="v-field__field"><label class="v-label">Server</label><input type="text" value="smtp.eksempel.dk"></div></div>
      <div class="v-field"><div class="v-field__field"><label class="v-label">Port</label><input type="number" value="587"></div></div>
      <div class="v-field"><div class="v-field__field"><label class="v-label">Sikkerhed</label><div class="v-field__input"><div class="v-select__selection"><span>STARTTLS</span></div><input readonly type="text" value="starttls"></div></div></div></form>`;
    const facts = gatherFacts(parse(`<html><body>${vuetify}</body></html>`), 'https://example.net/');
    expect(facts.fields.at(-1)?.setting.label).toBe('sikkerhed');
  });

  it('reads the port among the cells of a row keyed by the sending protocol, its header row in another table', () => {
    const settings = extract(`<table><tr><td>IMAP（收信）</td><td>imap.example.cn</td><td>993</td><td>SSL/TLS</td></tr>
      <tr><td>SMTP（发信）</td><td>smtp.example.cn</td><td>465</td><td>SSL/TLS</td></tr></table>`);
    expect(settings).toMatchObject({ outgoingServer: 'smtp.example.cn', port: 465, security: 'tls' });
    // A row keyed "Server" takes only a port it labels: a number beside the host may be anything.
    expect(extract('<table><tr><td>Outgoing server</td><td>smtp.example.org</td><td>2</td></tr></table>').port).toBeNull();
    // Only the cell right after the host, and only under a key that is the protocol alone.
    expect(extract('<table><tr><td>SMTP</td><td>smtp.example.com</td><td>Timeout 25 s</td></tr></table>').port).toBeNull();
    expect(extract('<table><tr><td>SMTP server</td><td>smtp.example.com (max. 25 recipients per message)</td></tr><tr><td>SMTP port</td><td>587</td></tr></table>').port).toBe(587);
    expect(extract('<table><tr><td>SMTP relay host</td><td>smtp.example.com 25 messages an hour</td></tr></table>').port).toBeNull();
  });

  it("reads a script-built radio group's choice (SOGo's SSL or TLS) and a ticked box's caption after it (Zimbra's rows)", () => {
    const sogo = (chosen: string, port = '465') => {
      const radio = (value: string, text: string) => `<md-radio-button value="${value}" role="radio" aria-checked="${value === chosen}"><div class="md-label">${text}</div></md-radio-button>`;
      return `<form><h3>Postausgang (SMTP)</h3><md-input-container><label for="h">Servername</label><input id="h" value="smtp.beispiel.example"></md-input-container>
        <md-input-container><label for="p">Port</label><input id="p" type="number" value="${port}"></md-input-container>
        <md-radio-group role="radiogroup" aria-label="Verschlüsselung SMTP">${radio('none', 'Keine')}${radio('ssl', 'SSL')}${radio('tls', 'TLS')}</md-radio-group></form>`;
    };
    expect(extract(sogo('ssl'))).toMatchObject({ outgoingServer: 'smtp.beispiel.example', port: 465, security: 'tls' });
    expect(extract(sogo('tls', '587')).security).toBe('starttls');
    // The chosen radio is read for the settings only: to the smells the form still has its two fields.
    const facts = gatherFacts(parse(`<html><body>${sogo('ssl')}</body></html>`), 'https://example.net/');
    expect(facts.fields.filter((field) => field.settingsOnly !== true)).toHaveLength(2);
    const zimbra = (ticked: string) => extract(`<table><tr><td>Server SMTP:</td><td><input type="text" value="posta.esempio.it"></td></tr>
      <tr><td>Porta:</td><td><input type="text" value="465"></td></tr><tr><td>Sicurezza:</td><td><input type="checkbox" ${ticked}> Usa SSL/TLS (connessione crittografata)</td></tr></table>`);
    expect(zimbra('checked')).toMatchObject({ outgoingServer: 'posta.esempio.it', port: 465, security: 'tls' });
    expect(zimbra('').security).not.toBe('tls');
    // A box with a label of its own keeps it: the text after it is the next field's.
    const printer = extract(`<h3>Outgoing mail</h3><form><label for="h">SMTP server</label><input id="h" value="smtp.example.org"><label for="p">Port</label><input id="p" value="587">
      <label for="t">Use authentication</label><input id="t" type="checkbox" checked> Use SSL/TLS for scanning</form>`);
    expect(printer.security).toBeNull();
  });

  it("reads Framework7's smart select by the title and choice shown after its hidden menu", () => {
    const row = (name: string, label: string, value: string) =>
      `<li class="item-content item-input"><div class="item-inner"><div class="item-title item-label">${label}</div><div class="item-input-wrap"><input type="text" name="${name}" value="${value}"></div></div></li>`;
    const settings = extract(`<div class="block-title">Εξερχόμενα (SMTP)</div><div class="list"><ul>${row('smtp_host', 'Διακομιστής', 'smtp.paradeigma.example')}${row('smtp_port', 'Θύρα', '587')}
      <li><a class="item-link smart-select"><select name="smtp_sec"><option value="none">Καμία</option><option value="starttls" selected>STARTTLS</option></select>
      <div class="item-content"><div class="item-inner"><div class="item-title">Ασφάλεια</div><div class="item-after">STARTTLS</div></div></div></a></li></ul></div>`);
    expect(settings).toMatchObject({ outgoingServer: 'smtp.paradeigma.example', port: 587, security: 'starttls' });
  });

  it("takes a script-built radio group's direction from its section, and none from a group of something else", () => {
    const group = (label: string, chosen: string) =>
      `<div role="radiogroup" aria-label="${label}">${['None', 'STARTTLS', 'SSL/TLS'].map((text) => `<div role="radio" aria-checked="${text === chosen}">${text}</div>`).join('')}</div>`;
    const field = (id: string, label: string, value: string) => `<div class="field"><label for="${id}">${label}</label><input id="${id}" value="${value}"></div>`;
    const cards = extract(`<div class="card"><h3>Incoming mail (IMAP)</h3>${field('a', 'Server', 'imap.example.com')}${group('Security', 'SSL/TLS')}</div>
      <div class="card"><h3>Outgoing mail (SMTP)</h3>${field('b', 'Server', 'smtp.example.com')}${field('c', 'Port', '587')}${group('Security', 'STARTTLS')}</div>`);
    expect(cards).toMatchObject({ outgoingServer: 'smtp.example.com', port: 587, security: 'starttls' });
    const backup = extract(`<form><label for="h">SMTP server</label><input id="h" value="smtp.example.com"><label for="p">SMTP port</label><input id="p" value="587"></form>${group('Backup encryption', 'None')}`);
    expect(backup.security).toBeNull();
    // A survey's many chosen answers leave the form's own fields read.
    const survey = Array.from({ length: 160 }, (_, i) => `<div role="radiogroup" aria-label="Q${i}"><div role="radio" aria-checked="true">Yes</div></div>`).join('');
    expect(extract(`${survey}<form><label for="h">SMTP server</label><input id="h" value="smtp.example.com"><label for="p">SMTP port</label><input id="p" value="587"></form>`))
      .toMatchObject({ outgoingServer: 'smtp.example.com', port: 587 });
  });

  it("keeps a ticked box's own label that names the mode, and takes no comment or next field's label for its caption", () => {
    const form = (boxes: string) => extract(`<h3>Outgoing server</h3><form><label for="h">Server</label><input id="h" value="smtp.example.com">${boxes}</form>`);
    expect(form('<span>Use SSL/TLS</span> <input type="checkbox" checked> Use STARTTLS <input type="checkbox">').security).toBe('tls');
    expect(form('<span>SSL/TLS</span> <input type="checkbox" checked> <small>(untick to use STARTTLS)</small>').security).toBe('tls');
    expect(extract(`<h3>Outgoing server</h3><table><tr><td>Server</td><td><input value="smtp.example.com"></td></tr><tr><td>Use SSL/TLS</td><td><input type="checkbox" checked><!--v-if--></td></tr></table>`).security).toBe('tls');
    expect(form('<span>Use SSL:</span> <input type="checkbox" checked> Port: <input value="465">').security).toBe('tls');
  });

  it('reads a long section heading as one, and a wrapper around a menu and its default as no menu', () => {
    const sections = extract(`<form><h3>Outgoing (SMTP)</h3><div class="f"><label>Server</label><div><input value=""></div></div>
      <h3>Incoming mail server settings (IMAP or POP3)</h3><div class="f"><label>Server</label><div><input value="mail.example.net"></div></div></form>`);
    expect(sections.outgoingServer).toBeNull();
    const simpleForm = extract(`<form><label for="h">SMTP server</label><input id="h" value="smtp.example.com">
      <div class="input select optional"><label>SMTP port</label><input type="hidden" name="smtp_port_default" value="25"><select name="smtp_port"><option selected>587</option></select></div></form>`);
    expect(simpleForm.port).toBe(587);
    // A name that says what the field holds keeps it over a block's title that names no setting.
    const named = extract(`<div class="panel"><div>Account</div><div><div><div><div><input name="smtp_host" value="smtp.example.com"></div></div></div></div>
      <div>Advanced</div><div><div><div><div><input name="smtp_port" value="2525"></div></div></div></div></div>`);
    expect(named).toMatchObject({ outgoingServer: 'smtp.example.com', port: 2525 });
  });

  it('knows a port by its Turkish name', () => {
    expect(extract('<h3>Giden sunucu (SMTP)</h3><table><tr><td>Sunucu adı</td><td>posta.ornek.example</td></tr><tr><td>TCP bağlantı noktası</td><td>465</td></tr><tr><td>Şifreleme</td><td>TLS</td></tr></table>'))
      .toMatchObject({ outgoingServer: 'posta.ornek.example', port: 465, security: 'tls' });
    // In capitals, "I" lower-cases to a dotted i.
    expect(extract('<h3>GİDEN SUNUCU (SMTP)</h3><table><tr><td>SUNUCU</td><td>posta.ornek.example</td></tr><tr><td>BAĞLANTI NOKTASI</td><td>587</td></tr></table>').port).toBe(587);
  });

  it('borrows no direction past a nearer heading, and no IMAP host or port from a heading far above', () => {
    // The nearest heading ("Fetch mail…") decides: the form is no outgoing one, whatever was said before it.
    const fetch = extract(`<h2>Outgoing server (SMTP)</h2><p>Your outgoing server is smtp.example.com.</p><h2>Fetch mail from another mailbox</h2>
      <form><div class="form-group"><label>Server</label><input value="pop.other.net"></div><div class="form-group"><label>Port</label><input value="995"></div></form>`);
    expect(fetch.outgoingServer).not.toBe('pop.other.net');
    expect(fetch.port).toBeNull();
    // A card that says "Outgoing" above a form whose fields hold an IMAP host and port: the heading's mistake, not the outgoing server.
    const card = extract(`<div class="card"><h3>Outgoing server (SMTP)</h3><p>Used to send</p></div>
      <form><div class="item"><div class="label">Server</div><div class="content"><div><input value="imap.example.com"></div></div></div>
      <div class="item"><div class="label">Port</div><div class="content"><div><input value="993"></div></div></div></form>`);
    expect(card).toMatchObject({ outgoingServer: null, port: null });
  });

  it('keeps a placeholder that names its setting, and takes no text holding a value for a label', () => {
    const settings = extract(`<div class="row"><div class="col">Outgoing server: smtp.example.com</div><div class="col"><div><div><input placeholder="Port" value="2525"></div></div></div></div>`);
    expect(settings).toMatchObject({ outgoingServer: 'smtp.example.com', port: 2525 });
  });

  it('reads no security from a ticked box that turns it off or is for receiving, nor from a label or button beside an empty box', () => {
    const form = (extra: string) =>
      extract(`<form><label for="h">SMTP server</label><input id="h" value="smtp.example.com"><label for="p">Port</label><input id="p" value="587">${extra}</form>`);
    expect(form('<input id="c" type="checkbox" checked><label for="c">Disable STARTTLS</label>').security).toBeNull();
    expect(form('<input id="c" type="checkbox" checked><label for="c">Use STARTTLS when receiving</label>').security).toBeNull();
    expect(form('<input id="c" type="checkbox" role="checkbox" aria-checked="true"><label for="c">Use STARTTLS for IMAP</label>').security).toBeNull();
    expect(form('<div class="row"><div class="col">Encryption: SSL/TLS recommended</div><input type="text" readonly value=""></div>').security).toBeNull();
    expect(form('<div class="input-group"><span>Security</span><input type="text" readonly value=""><button type="button">Copy</button></div>').security).toBeNull();
    // Ant Design's menu showing only its placeholder has nothing chosen.
    const placeholder = `<div class="ant-select"><div class="ant-select-selector"><span class="ant-select-selection-search"><input type="search" id="e" role="combobox" readonly value=""></span><span class="ant-select-selection-placeholder">SSL/TLS</span></div></div>`;
    expect(form(`<label for="e">Encryption</label>${placeholder}`).security).not.toBe('tls');
  });

  it('keeps a label it finds near its control, and no label across another field', () => {
    // A label column beside a wrapper that holds two controls belongs to neither.
    const settings = extract(`<form><div class="row"><div class="col-label">Port</div><div class="col"><div><input value="465"></div><div><input value="smtp.example.org"></div></div></div></form>`);
    expect(settings.port).toBeNull();
  });
});

describe('prose', () => {
  it.each([
    ['en', '<p>Outgoing server: smtp.example.com, port 587, STARTTLS.</p>', 'smtp.example.com', 587, 'starttls'],
    ['en', '<p>Use <b>smtp.example.com</b> as the outgoing mail server with port <b>465</b> and SSL/TLS.</p>', 'smtp.example.com', 465, 'tls'],
    ['es', '<p>El servidor de salida es smtp.ejemplo.es y el puerto 587 con STARTTLS.</p>', 'smtp.ejemplo.es', 587, 'starttls'],
    ['de', '<p>Postausgangsserver: mail.beispiel.de, Port 465 (SSL/TLS)</p>', 'mail.beispiel.de', 465, 'tls'],
    ['fr', '<p>Serveur sortant : smtp.exemple.fr — port 587, chiffrement STARTTLS</p>', 'smtp.exemple.fr', 587, 'starttls'],
    ['pt', '<p>Servidor de saída: smtp.exemplo.com.br, porta 465 com SSL</p>', 'smtp.exemplo.com.br', 465, 'tls'],
    ['it', '<p>Server di posta in uscita: smtp.esempio.it, porta 587, STARTTLS</p>', 'smtp.esempio.it', 587, 'starttls'],
    ['nl', '<p>Uitgaande mailserver: smtp.voorbeeld.nl, poort 587 met STARTTLS</p>', 'smtp.voorbeeld.nl', 587, 'starttls'],
  ])('reads %s prose', (_lang, body, server, port, security) => {
    expect(extract(body)).toMatchObject({ outgoingServer: server, port, security });
  });

  it('reads the security for the port the page ends up with, and 465 never with STARTTLS', () => {
    // The port's line names both ports; the next line gives each its kind.
    const offered = extract(`<p>Serwer wychodzący (SMTP): smtp.example.com<br>Port: 465 lub 587<br>
      Bezpieczeństwo połączenia: SSL/TLS dla 465, STARTTLS dla 587</p>`);
    expect(offered).toMatchObject({ outgoingServer: 'smtp.example.com', port: 465, security: 'tls' });
    // A page that wrongly pairs them: 465 speaks TLS from the first byte (RFC 8314).
    expect(extract('<p>Outgoing server: smtp.example.com, port 465, STARTTLS.</p>')).toMatchObject({ port: 465, security: 'tls' });
  });

  it("never reads a sentence's 'none' or 'aucun' as no security", () => {
    const settings = extract(`<p>Serveur sortant : smtp.example.org, port 587.</p>
      <p>Supprimez un serveur sortant seulement après avoir vérifié qu'aucun compte ne l'utilise.</p>`);
    expect(settings.security).toBeNull();
    // Right after the port, too.
    expect(extract("<p>Serveur sortant : smtp.example.org, port 587. Vérifiez qu'aucun compte ne l'utilise.</p>").security).toBeNull();
    expect(extract('<p>Postausgangsserver: smtp.example.org, Port 587. Keine weiteren Einstellungen nötig.</p>').security).toBeNull();
    expect(extract('<p>Outgoing server: smtp.example.org, port 587. None of the other settings change.</p>').security).toBeNull();
  });

  it('reads no security where a security label or word says so', () => {
    for (const body of [
      '<p>Outgoing server: smtp.example.org, port 587. Encryption: none.</p>',
      '<p>Outgoing server: smtp.example.com<br>Encryption: None<br>Port: 25</p>',
      '<p>Outgoing server: smtp.example.com<br>Connection security: None<br>Port: 25</p>',
      '<p>Postausgangsserver: smtp.example.com<br>Verbindungssicherheit: Keine<br>Port: 25</p>',
      '<p>Serveur sortant : smtp.example.com<br>Sécurité de la connexion : Aucune<br>Port : 25</p>',
      '<p>Outgoing server: smtp.example.org. Security: none.</p>',
      '<p>Outgoing server: smtp.example.com — unencrypted, port 25</p>',
      '<p>Outgoing server: smtp.example.org, port 587 (non-SSL).</p>',
    ]) {
      expect(extract(body).security, body).toBe('none');
    }
  });

  it("never gives the page's port the security a sentence states for another port", () => {
    const settings = extract(`<table><tr><td>SMTP server</td><td>smtp.example.com</td></tr><tr><td>Port</td><td>25</td></tr></table>
      <p>Use the address you were given when the account was opened as the user name, and the same password as for reading your mail
      on the web. Your mail program remembers both after the first message.</p>
      <p>The outgoing server also accepts port 465 (SSL/TLS).</p>`);
    expect(settings).toMatchObject({ port: 25, security: null });
  });

  it('prefers the recommended submission port over the old port 25', () => {
    expect(extract('<p>Change the outgoing server port from 25 to 587.</p>').port).toBe(587);
  });

  it('never recommends port 25 on a page that says it is blocked', () => {
    // The port stands before the server word here, out of the window read after it.
    const blocked = '<h1>Why port 25 is blocked for outbound mail</h1><p>We block port 25 for outbound SMTP traffic.</p>';
    expect(extract(blocked).port).toBeNull();
    expect(extract(`${blocked}<p>Everyone else sends through their own provider on port 465.</p>`).port).toBe(465);
    expect(extract('<h2>Port 25 gesperrt</h2><p>Der Postausgangsserver nimmt Port 25 nicht mehr an, nutzen Sie Port 587.</p>').port).toBe(587);
  });

  it('reads a Japanese OP25B notice as blocking port 25, as the classifier does', () => {
    // "Outgoing server: port 25 (25番ポート) is blocked" with no submission port after the server word.
    expect(extract('<p>送信サーバー 25番ポートはブロックされています。</p><p>サブミッションポート 587番ポートをご利用ください。</p>').port).toBe(587);
  });

  it('still reads port 25 where nothing says it is blocked', () => {
    expect(extract('<p>Outgoing server: smtp.example.com, port 25.</p>').port).toBe(25);
  });

  it('does not take the incoming server for the outgoing one', () => {
    const settings = extract('<p>Outgoing server (SMTP): see below.</p><p>Incoming server: imap.example.com port 993</p>');
    expect(settings.outgoingServer).toBeNull();
    expect(settings.incomingServer).toBe('imap.example.com');
  });

  // The incoming server's name ends the outgoing server's window in every language the outgoing server is read in.
  it.each([
    ['el', 'Διακομιστής εξερχόμενης αλληλογραφίας (SMTP): δείτε παρακάτω.', 'Διακομιστής εισερχόμενης αλληλογραφίας: mail.example.gr θύρα 993'],
    ['ro', 'Server de ieșire (SMTP): vezi mai jos.', 'Server de intrare: mail.example.ro portul 993'],
    ['hu', 'Kimenő levelek kiszolgálója (SMTP): lásd lent.', 'Bejövő levelek kiszolgálója: mail.example.hu port 993'],
    ['hr', 'Poslužitelj za odlaznu poštu (SMTP): vidi dolje.', 'Poslužitelj za dolaznu poštu: mail.example.hr port 993'],
    ['sl', 'Strežnik za odhodno pošto (SMTP): glejte spodaj.', 'Strežnik za dohodno pošto: mail.example.si vrata 993'],
    ['sk', 'Server odchádzajúcej pošty (SMTP): pozri nižšie.', 'Server prichádzajúcej pošty: mail.example.sk port 993'],
    ['uk', 'Сервер вихідної пошти (SMTP): див. нижче.', 'Сервер вхідної пошти: mail.example.ua порт 993'],
    ['bg', 'Сървър за изходяща поща (SMTP): вижте по-долу.', 'Сървър за входяща поща: mail.example.bg порт 993'],
    ['lt', 'Siunčiamo pašto serveris (SMTP): žr. žemiau.', 'Gaunamo pašto serveris: mail.example.lt prievadas 993'],
    ['lv', 'Izejošā pasta serveris (SMTP): skatīt zemāk.', 'Ienākošā pasta serveris: mail.example.lv ports 993'],
    ['et', 'Väljuva posti server (SMTP): vt allpool.', 'Sissetuleva posti server: mail.example.ee port 993'],
    ['ca', 'Servidor de sortida (SMTP): vegeu a sota.', "Servidor d'entrada: mail.example.cat port 993"],
    ['id', 'Server surat keluar (SMTP): lihat di bawah.', 'Server surat masuk: mail.example.id port 993'],
    ['vi', 'Máy chủ thư đi (SMTP): xem bên dưới.', 'Máy chủ thư đến: mail.example.vn cổng 993'],
    ['ko', '보내는 메일 서버 (SMTP): 아래를 참고하세요.', '받는 메일 서버: mail.example.kr 포트 993'],
    ['ar', 'خادم البريد الصادر (SMTP): انظر أدناه.', 'خادم البريد الوارد: mail.example.sa المنفذ 993'],
    ['fa', 'سرور ایمیل خروجی (SMTP): پایین را ببینید.', 'سرور ایمیل ورودی: mail.example.ir پورت 993'],
    ['he', 'שרת הדואר היוצא (SMTP): ראו למטה.', 'שרת הדואר הנכנס: mail.example.il פורט 993'],
    ['hi', 'आउटगोइंग मेल सर्वर (SMTP): नीचे देखें।', 'इनकमिंग मेल सर्वर: mail.example.in पोर्ट 993'],
  ])('does not take the incoming server for the outgoing one (%s)', (_language, outgoing, incoming) => {
    const settings = extract(`<p>${outgoing}</p><p>${incoming}</p>`);
    expect(settings.outgoingServer).toBeNull();
    expect(settings.incomingServer).toMatch(/^mail\.example\./);
  });

  it('ends the outgoing window at "POP3 сървър" and its like', () => {
    const settings = extract('<p>Изходящ сървър (SMTP): вижте по-долу.</p><p>POP3 сървър: mail.example.bg на порт 110.</p>');
    expect(settings.outgoingServer).toBeNull();
    expect(settings.incomingServer).toBe('mail.example.bg');
  });

  it('carries the direction of a Croatian or Korean fieldset to its bare server and port fields', () => {
    const croatian = extract(`<form>
      <fieldset><legend>Dolazni poslužitelj</legend><label for="a">Poslužitelj</label><input id="a" value="imap.example.hr"><label for="b">Port</label><input id="b" value="993"></fieldset>
      <fieldset><legend>Odlazni poslužitelj (SMTP)</legend><label for="c">Poslužitelj</label><input id="c" value="smtp.example.hr"><label for="d">Port</label><input id="d" value="587"></fieldset></form>`);
    expect(croatian).toMatchObject({ outgoingServer: 'smtp.example.hr', port: 587, incomingServer: 'imap.example.hr' });
    const korean = extract(`<form>
      <fieldset><legend>받는 메일</legend><label for="a">서버</label><input id="a" value="imap.example.kr"><label for="b">포트</label><input id="b" value="993"></fieldset>
      <fieldset><legend>보내는 메일</legend><label for="c">서버</label><input id="c" value="smtp.example.kr"><label for="d">포트</label><input id="d" value="465"></fieldset></form>`);
    expect(korean).toMatchObject({ outgoingServer: 'smtp.example.kr', port: 465, incomingServer: 'imap.example.kr' });
  });

  it.each(LANGUAGES)('reads a settings table, prose, an incoming/outgoing grid, fieldsets and a security choice in its own words (%s)', (_language, outgoing, incoming, port, security, incomingColumn, outgoingColumn) => {
    const table = extract(`<table><tr><td>${incoming}</td><td>imap.example.net</td></tr><tr><td>${port}</td><td>993</td></tr>
      <tr><td>${outgoing}</td><td>smtp.example.net</td></tr><tr><td>${port}</td><td>587</td></tr><tr><td>${security}</td><td>STARTTLS</td></tr></table>`);
    expect(table).toMatchObject({ outgoingServer: 'smtp.example.net', port: 587, security: 'starttls', incomingServer: 'imap.example.net' });
    const prose = extract(`<p>${outgoing}: smtp.example.net, ${port} 465, SSL/TLS. ${incoming}: imap.example.net, ${port} 993.</p>`);
    expect(prose).toMatchObject({ outgoingServer: 'smtp.example.net', port: 465, security: 'tls', incomingServer: 'imap.example.net' });
    const grid = extract(`<table><tr><th></th><th>${incomingColumn}</th><th>${outgoingColumn}</th></tr><tr><td>Server</td><td>imap.example.net</td><td>smtp.example.net</td></tr>
      <tr><td>${port}</td><td>993</td><td>465</td></tr><tr><td>${security}</td><td>SSL/TLS</td><td>SSL/TLS</td></tr></table>`);
    expect(grid).toMatchObject({ outgoingServer: 'smtp.example.net', port: 465, incomingServer: 'imap.example.net' });
    const form = extract(`<form><fieldset><legend>${incomingColumn}</legend><label for="a">Server</label><input id="a" value="imap.example.net"><label for="b">${port}</label><input id="b" value="993"></fieldset>
      <fieldset><legend>${outgoingColumn}</legend><label for="c">Server</label><input id="c" value="smtp.example.net"><label for="d">${port}</label><input id="d" value="587"></fieldset></form>`);
    expect(form).toMatchObject({ outgoingServer: 'smtp.example.net', port: 587, incomingServer: 'imap.example.net' });
    const choice = extract(`<form><label for="c">${outgoing}</label><input id="c" value="smtp.example.net"><label for="d">${port}</label><input id="d" value="587">
      <label for="e">${security}</label><select id="e"><option>SSL/TLS</option><option selected>STARTTLS</option></select></form>`);
    expect(choice).toMatchObject({ outgoingServer: 'smtp.example.net', port: 587, security: 'starttls' });
  });

  it('takes the port the text says to change 25 to', () => {
    expect(extract('<p>If mail will not leave, change the outgoing server (SMTP) from the default port 25 to port 26.</p>').port).toBe(26);
    expect(extract('<p>Could not connect: change the port of the outgoing server from 25 to 8025 in your mail program.</p>').port).toBe(8025);
    expect(extract('<p>Ändern Sie beim Postausgangsserver den Port von 25 auf 2526.</p>').port).toBe(2526);
    expect(extract('<p>If you cannot connect, change the port for the SMTP server (outgoing server) from 25 to 8025.</p>').port).toBe(8025);
  });

  it('gives port 465 the implicit TLS it speaks where the text offers 587 with STARTTLS too', () => {
    const settings = extract('<p>SMTP server: smtp.example.de (TLS/SSL: port 465) or SMTP server: smtp.example.de (with STARTTLS: port 587)</p>');
    expect(settings).toMatchObject({ outgoingServer: 'smtp.example.de', port: 465, security: 'tls' });
    const requires = extract('<p>The outgoing server is smtp.example.com and it requires TLS. Use port 465, or port 587 if your program starts in plain text and then sends STARTTLS.</p>');
    expect(requires).toMatchObject({ port: 465, security: 'tls' });
  });

  it('reads a security setting answered no as no security', () => {
    expect(extract('<p>Outgoing server: mail.example.it, port 25. Use of SSL, TLS or STARTTLS: NO.</p>').security).toBe('none');
    expect(extract('<table><tr><td>Outgoing server (SMTP)</td><td>mail.example.it</td></tr><tr><td>Port</td><td>25</td></tr></table><p>Outgoing server mail.example.it</p><p>SSL</p><p>NO</p>').security).toBe('none');
    expect(extract('<p>If your outgoing mail server is smtp.example.net, open the Security tab. Use SSL/TLS security on this connection should be set to Never.</p>').security).toBe('none');
    // "No" that does not answer the setting leaves it alone.
    expect(extract('<p>Outgoing server: smtp.example.net, port 465 with SSL. No other settings are needed.</p>').security).toBe('tls');
  });

  it('prefers the port the text says to change 25 to over a fallback it names after', () => {
    expect(extract('<p>Change the outgoing mail server (SMTP) from the default port 25 to port 26. If that fails too, try 587.</p>').port).toBe(26);
  });

  it('takes no port from a change of 25 to another number that is no port', () => {
    expect(extract('<p>Outgoing server: mail.example.net, port 26. Our course fees rose from 25 to 40 euros per lesson.</p>').port).toBe(26);
    expect(extract('<p>Outgoing server: mail.example.net, port 26. The sending limit went from 25 to 100 messages an hour.</p>').port).toBe(26);
    expect(extract('<p>Ändern Sie beim Postausgangsserver den Wert vom Standard-Port 25 auf Port 2526.</p>').port).toBe(2526);
    expect(extract('<p>Dans votre logiciel, passez le serveur sortant du port 25 au port 587.</p>').port).toBe(587);
  });

  it('reads a host name that Japanese or Korean text runs into, and ends a window in such text', () => {
    expect(extract('<p>送信メールサーバー名は smtp.example.jpです。</p>').outgoingServer).toBe('smtp.example.jp');
    const long = `<p>发送服务器的设置请参考下文。${'邮件客户端的设置方法因软件而异，请按照各自的说明操作。'.repeat(12)}帮助中心：www.help.example.com</p>`;
    expect(extract(long).outgoingServer).toBeNull();
  });

  it('shows an article the sending host and submission port it names only in a list, never an example host', () => {
    expect(sendingHostIn('servers: imap.example-isp.ch, pop.example-isp.ch, smtp.example-isp.ch')).toBe('smtp.example-isp.ch');
    expect(sendingHostIn('pop3 pop.bluewin-like.ch | smtpauth smtpauth.bluewin-like.ch')).toBe('smtpauth.bluewin-like.ch');
    expect(sendingHostIn('error: 550 relaying denied by smtp.example.com; see smtp.exemplo.com')).toBeNull();
    // Only a pattern for the sending host: it is shown as the page's pattern. A real host still comes first,
    // and a masked name that nothing says sends is left out.
    expect(sendingHostIn('incoming imap imap-[account].kestrel.net port 993 outgoing smtp smtp-[account].kestrel.net port 465')).toBe('smtp-[account].kestrel.net');
    expect(sendingHostIn('smtp smtp-[account].kestrel.net, or smtp.kestrel.net for older accounts')).toBe('smtp.kestrel.net');
    expect(sendingHostIn('server sv***.xserver.jp')).toBeNull();
    expect(submissionPortIn('ports: imap 143 or 993, pop 110 or 995; smtp: 587 (starttls), 465 (ssl)')).toBe(587);
    expect(submissionPortIn('the old port 25 is blocked here')).toBeNull();
    const shown = shownOnArticle({ outgoingServer: null, port: null, security: null, authentication: null, incomingServer: null, anchor: null, shownIn: [] }, 'use smtp.example-isp.ch; port 465 with ssl');
    expect(shown).toMatchObject({ outgoingServer: 'smtp.example-isp.ch', port: 465, security: 'tls' });
    const none = { outgoingServer: null, port: null, security: null, authentication: null, incomingServer: null, anchor: null, shownIn: [] };
    expect(shownOnArticle(none, 'smtp: 587 (starttls), 465 (ssl)').security).toBe('starttls');
    // The security of another port in the same list is not this port's.
    expect(shownOnArticle(none, 'use port 587 or port 465 with ssl').security).toBeNull();
    // A port said right after it to be without SSL has no security, not the STARTTLS an "SSL" on 587 would stand for.
    expect(shownOnArticle(none, 'if port 25 is blocked, use one of these instead:\nport 587 (non ssl)\nport 465 (ssl)')).toMatchObject({ port: 587, security: 'none' });
    expect(shownOnArticle(none, 'puerto 587 sin ssl')).toMatchObject({ port: 587, security: 'none' });
    expect(shownOnArticle(none, 'smtp: 587 – ohne tls')).toMatchObject({ port: 587, security: 'none' });
    // A table's rows read as lines: the security's label alone on the line after the port, its value next.
    expect(shownOnArticle(none, 'sortant\nsmtp\nserveur\nsmtp.kestrel.net\nport\n465\nsécurité\nssl/tls')).toMatchObject({ port: 465, security: 'tls' });
    expect(shownOnArticle(none, 'port\n587\nsecurity\nstarttls')).toMatchObject({ port: 587, security: 'starttls' });
    // A label alone that is no security's, or a value two lines on, says nothing.
    expect(shownOnArticle(none, 'port\n587\nusername\nssl')).toMatchObject({ port: 587, security: null });
    // A security line that holds its own mode is no label alone: the line after it is another setting's.
    expect(shownOnArticle(none, 'port 587\nsecurity starttls\nforwarding none').security).not.toBe('none');
    expect(shownOnArticle(none, 'port 465\nverschlüsselung ssl/tls\nalternativ port 587 mit starttls').security).not.toBe('starttls');
    // An IMAP column's STARTTLS under the label is never 465's.
    expect(shownOnArticle(none, 'smtp\nport\n465\nsecurity\nstarttls\nssl/tls').security).toBeNull();
    // A negation further on, or on 465 (TLS from the first byte), is another port's or another sentence's.
    expect(shownOnArticle(none, 'outgoing server smtp.example-host.ch (port 465, without ssl port 587)')).toMatchObject({ port: 465, security: 'tls' });
    expect(shownOnArticle(none, 'outgoing port 465 (or 25 without ssl)')).toMatchObject({ port: 465, security: null });
    expect(shownOnArticle(none, 'use port 465. sending without ssl is no longer possible.')).toMatchObject({ port: 465, security: 'tls' });
    expect(shownOnArticle(none, 'use port 587 – no tls 1.0 or 1.1')).toMatchObject({ port: 587, security: 'starttls' });
    // After a comma, the words up to another number are still this port's.
    expect(shownOnArticle(none, 'smtp: smtp.example-host.ch, 587, tls (port 25 is blocked)')).toMatchObject({ port: 587, security: 'starttls' });
    expect(shownOnArticle(none, 'smtp: 587, 465 (ssl)')).toMatchObject({ port: 587, security: null });
    const filler = 'Many providers stopped letting mail leave through port 25, and a mail program set that way stops sending. '.repeat(3);
    const page = parse(`<!DOCTYPE html><html lang="en"><head><title>Mail will not send: change your outgoing server port</title></head><body><main>
      <h1>Mail will not send: change your outgoing server port</h1><p>Your outgoing server (SMTP) needs port 587 with STARTTLS and SMTP authentication. ${filler}</p>
      <p>Our servers: imap.example-isp.ch, pop.example-isp.ch, smtp.example-isp.ch.</p></main></body></html>`);
    const result = classifyPage(page, 'https://help.example-isp.ch/mail/port-587');
    expect(result.kind).toBe('article');
    expect(result.settings).toMatchObject({ outgoingServer: 'smtp.example-isp.ch', port: 587, security: 'starttls' });
  });

  it("reads a port's security from its own label, the head of its table row or the labelled line after it", () => {
    const none = { outgoingServer: null, port: null, security: null, authentication: null, incomingServer: null, anchor: null, shownIn: [] };
    expect(shownOnArticle(none, 'Gmail SMTP port (TLS): 587\nGmail SMTP port (SSL): 465')).toMatchObject({ port: 587, security: 'starttls' });
    expect(shownOnArticle(none, 'outgoing port (SSL) 465')).toMatchObject({ port: 465, security: 'tls' });
    // Stored text keeps a row as "cell | cell"; a page's text gives each cell its own line.
    expect(shownOnArticle(none, 'sending | IMAP\nSTARTTLS | recommended: port 587, else 25 | 143').security).toBe('starttls');
    expect(shownOnArticle(none, 'sending\nIMAP\nSTARTTLS\nrecommended: port 587, else 25\n143').security).toBe('starttls');
    // A security word two lines up heads another row.
    expect(shownOnArticle(none, 'STARTTLS\nIMAP 143\nSMTP port 587').security).toBeNull();
    // The security's own labelled line right after the port's, in any language the labels are read in.
    expect(shownOnArticle(none, 'porta: 587\n- ssl : starttls\n- autenticazione: oauth2').security).toBe('starttls');
    expect(shownOnArticle(none, 'port: select port 465.\nencryption method: choose ssl/tls.').security).toBe('tls');
    expect(shownOnArticle(none, 'port: 587\nusername: your address\nsecurity: starttls').security, 'two lines down is another setting').toBeNull();
    // A lone security word before the port's line that ends the row above ("Port | Encryption": 25 | STARTTLS, 465 | SSL/TLS).
    expect(shownOnArticle(none, 'smtp port\nencryption\n25\nstarttls\n465\nssl/tls').security).not.toBe('starttls');
    // Another port's bracketed security is no label of this one.
    expect(shownOnArticle(none, 'smtp: port 25 (starttls) / 465').security).not.toBe('starttls');
    // A line offering both kinds: the port says which is its own.
    expect(shownOnArticle(none, 'port: 465 or 587\nsecurity type: ssl/tls or starttls').security).toBe('tls');
    expect(shownOnArticle(none, 'port: 587 or 465\nsecurity type: ssl/tls or starttls').security).toBe('starttls');
  });

  it("tells a help text's pattern host from a server to check", () => {
    for (const pattern of ['mail.yourdomain.com', 'smtp.ihre-domain.tld', 'mail.votre-domaine.fr', 'smtp.tudominio.es', 'mail.seudominio.com.br', 'smtp.twojadomena.pl', 'mail.aminhaempresa.com', 'mail.domain.com', 'smtp.example.com', 'smtp.beispiel.de']) {
      expect(isPlaceholderHost(pattern), pattern).toBe(true);
    }
    for (const real of ['smtp.gmail.com', 'smtp.domainfactory.de', 'mail.domeinuak.eus', 'sslout.de', 'smtp.example-isp.ch', 'mx.oakridge-host.example', 'mail.mydomain.com', 'mail.myserver.de', 'smtp.yourserver.se', 'smtp.myisp.net', 'mail.domain.hostpoint.ch']) {
      expect(isPlaceholderHost(real), real).toBe(false);
    }
    // A registrar whose name is a pattern word names its own real servers on its own pages.
    expect(isPlaceholderHost('smtp.domena.pl')).toBe(true);
    expect(isPlaceholderHost('smtp.domena.pl', 'pomoc.domena.pl')).toBe(false);
    expect(isPlaceholderHost('mail.dominio.com.br', 'ajuda.dominio.com.br')).toBe(false);
  });

  it('takes masked names and names that say what goes there for patterns too', () => {
    for (const pattern of ['smtp.xxxxx.com', 'mail.xxx.ne.jp', 'wpxxx.kestrel-host.de', 'svxxxx.kestrel.jp', 'smtp.hogehoge.jp', 'mail.domainname.com', 'mail.domain-name.de', 'smtp.nomdedomaine.fr', 'smtp.nombrededominio.es', 'mail.hostname.com', 'smtp.company-name.com', 'smtp.ispname.net', 'mail.example-domain.com', 'smtp.sample.co.jp']) {
      expect(isPlaceholderHost(pattern), pattern).toBe(true);
    }
    // Real names that only contain such words, or a short run of x's.
    for (const real of ['smtp.xs4all.nl', 'mail.x.com', 'smtp.hostnameinc.com', 'mail.domainnameshop.com', 'smtp.samplex.de', 'smtp.domainhost.ch', 'smtp.site.xxx', 'mail.shop.xxx', 'smtp.foxxx-media.de']) {
      expect(isPlaceholderHost(real), real).toBe(false);
    }
  });

  it("reads a sending host written with the reader's domain in brackets or words, and keeps it a pattern", () => {
    expect(extract('<table><tr><td>Outgoing server</td><td>mail.[yourdomain]</td></tr><tr><td>Port</td><td>587</td></tr></table>').outgoingServer).toBe('mail.[yourdomain]');
    expect(extract('<p>Outgoing server (SMTP): smtp.{your-domain-name}, port 587.</p>').outgoingServer).toBe('smtp.{your-domain-name}');
    expect(extract('<table><tr><td>送信(SMTP)サーバー</td><td>smtp.お客様のドメイン名</td></tr></table>').outgoingServer).toBe('smtp.お客様のドメイン名');
    // The pattern, not its example, is what the page tells the reader to enter.
    expect(extract('<table><tr><td>Outgoing server</td><td>mail.[yourdomain] e.g. mail.example.com</td></tr></table>').outgoingServer).toBe('mail.[yourdomain]');
    // A real host name wins over a pattern written after it; brackets after no mail server's label are no host.
    expect(extract('<p>Outgoing server: smtp.kestrel-mail.net (or smtp.[yourdomain] for hosted domains)</p>').outgoingServer).toBe('smtp.kestrel-mail.net');
    expect(extract('<p>Outgoing server: see note [1] and table {2}; port 587.</p>').outgoingServer).toBeNull();
    // "送信(SMTP)サーバー": the protocol in brackets inside the server's name, in a table flattened into text.
    expect(extract('<p>受信(POP) サーバー | pop.お客様のドメイン名 | 送信(SMTP)サーバー | smtp.お客様のドメイン名(例:smtp.example.jp) |</p>').outgoingServer).toBe('smtp.お客様のドメイン名');
    expect(extract('<p>送信（SMTP）サーバー：smtp.kaede-net.jp</p>').outgoingServer).toBe('smtp.kaede-net.jp');
    // A first label masked with stars or circles: the reader's own server number goes there.
    expect(extract('<table><tr><td>送信メールサーバー</td><td>例)sv***.xserver.jp</td></tr></table>').outgoingServer).toBe('sv***.xserver.jp');
    expect(extract('<p>Outgoing server: sv○○○○.xserver.jp, port 465</p>').outgoingServer).toBe('sv○○○○.xserver.jp');
    expect(extract('<p>Outgoing server: smtp.kestrel-mail.net; rated *** by users.</p>').outgoingServer).toBe('smtp.kestrel-mail.net');
    // The reader's account name in brackets inside the first label, as a host's own guides write it.
    expect(extract('<p>Outgoing server (SMTP): smtp-[account].kestrel-hosting.net, port 587, STARTTLS.</p>').outgoingServer).toBe('smtp-[account].kestrel-hosting.net');
    expect(extract('<table><tr><td>Serveur sortant</td><td>smtp-[compte].kestrel-hosting.net</td></tr></table>').outgoingServer).toBe('smtp-[compte].kestrel-hosting.net');
    // A server number masked with a question mark, as Markdown source writes it bold ("pro**?**", shown
    // as the page shows it) or plain.
    expect(extract('<p>Outgoing server: <code>pro**?**.mail.kestrel.net</code>, port 587</p>').outgoingServer).toBe('pro?.mail.kestrel.net');
    expect(extract('<p>Outgoing server: pro?.mail.kestrel.net, port 587</p>').outgoingServer).toBe('pro?.mail.kestrel.net');
    // A server's number set in bold or italics inside its first label: no half of the name is offered.
    expect(extract('<p>Outgoing server (SMTP): wp<em>XXX</em>.kestrel-host.de, port 587</p>').outgoingServer).toBe('wpxxx.kestrel-host.de');
    expect(isPlaceholderHost('wpxxx.kestrel-host.de')).toBe(true);
    expect(extract('<p>Outgoing server (SMTP): s<b>12</b>.kestrel-host.de, port 587</p>').outgoingServer).toBeNull();
    // Japanese text runs straight into the pattern.
    expect(extract('<p>送信サーバーはmail.お客様のドメイン名です。</p>').outgoingServer).toBe('mail.お客様のドメイン名');
    // A question that ends on a host name is no mask: the host is read without it.
    expect(extract('<p>Which outgoing server? smtp.kestrel-mail.net, port 587.</p>').outgoingServer).toBe('smtp.kestrel-mail.net');
    for (const pattern of ['mail.[yourdomain]', 'smtp.{your-domain-name}', 'smtp.<votre-domaine>', 'smtp.[お客様のドメイン名]', 'smtp.お客様のドメイン名', 'sv***.xserver.jp', 'sv○○○○.xserver.jp', 'smtp-[account].kestrel-hosting.net', 'pro**?**.mail.kestrel.net', 'pro?.mail.kestrel.net']) {
      expect(isPlaceholderHost(pattern), pattern).toBe(true);
    }
  });

  it('never gives a POP3 or IMAP port as the outgoing port', () => {
    const settings = extract('<p>Outgoing server: mail.example.net, the host you fetch from (POP3 uses port 110 on it); for sending, its port is 26.</p>');
    expect(settings).toMatchObject({ outgoingServer: 'mail.example.net', port: 26 });
  });

  it('passes over an IMAP or POP host that prose names after the outgoing server', () => {
    // A provider table flattened into text: the incoming column comes first.
    const flattened = extract('<p>provider login pop-server smtp-server | example-isp jane pop.example-isp.de auth.mail.example-isp.de</p>');
    expect(flattened.outgoingServer).toBe('auth.mail.example-isp.de');
    // Both servers introduced in one sentence, then listed without the words that name them.
    const listed = extract('<p>The incoming (IMAP) and outgoing (SMTP) server names are in the account details:</p><p>IMAP: imap.example.org, SSL, port 993.</p><p>SMTP: smtp.example.org, SSL, port 465.</p>');
    expect(listed).toMatchObject({ outgoingServer: 'smtp.example.org', port: 465 });
    // An outgoing field that really holds such a host is still read: its label says what it is.
    expect(extract('<table><tr><td>Outgoing server</td><td>pop.example.net</td></tr></table>').outgoingServer).toBe('pop.example.net');
  });

  it('ignores e-mail addresses and file names', () => {
    expect(extract('<p>Outgoing server user name: jane@example.com, see main.cf</p>').outgoingServer).toBeNull();
  });
});

describe('security words', () => {
  it.each([
    ['STARTTLS', null, 'starttls'],
    ['SSL/TLS', null, 'tls'],
    ['TLS', null, 'starttls'],
    ['TLS', 465, 'tls'],
    ['SSL', 587, 'starttls'],
    ['Keine', null, 'none'],
    // A menu's "none" in the other languages whose panels the reader reads.
    ['Žádné', 25, 'none'],
    ['Brak', 25, 'none'],
    ['Ingen', 25, 'none'],
    ['Yok', 25, 'none'],
    ['Нет', 25, 'none'],
    // …and only as the whole value: in a sentence they are everyday words.
    ['Если у вас нет пароля', 465, null],
    ['Det finns ingen anledning att byta', 587, null],
    ['Brak odpowiedzi serwera', 587, null],
    ['whatever', null, null],
    // A value that is only a security word said to be absent is no security.
    ['Non SSL', 587, 'none'],
    ['No SSL', null, 'none'],
    ['(non-SSL/TLS)', null, 'none'],
    ['without encryption', null, 'none'],
    ['SSLなし', 587, 'none'],
    ['SSL/TLSを使用しない', 587, 'none'],
    // Anything beside it still counts, and a TLS version is not TLS said to be absent.
    ['587 without SSL, with STARTTLS', 587, 'starttls'],
    ['no SSL on 587, SSL on 465', 465, 'tls'],
    ['no TLS 1.0', 587, 'starttls'],
    ['465 (or 25 without SSL)', 465, 'tls'],
    ['nosslcheck, SSL', 465, 'tls'],
  ] as const)('%s with port %s is %s', (text, port, expected) => {
    expect(securityOf(text.toLowerCase(), port)).toBe(expected);
  });
});

describe('classification output', () => {
  it('reads "none" written as a Japanese or Chinese security value, and only as the whole value', () => {
    const japanese = extract('<table><tr><td>送信サーバー</td><td>smtp.kestrel.jp</td></tr><tr><td>ポート番号</td><td>587</td></tr><tr><td>暗号化接続の種類</td><td>なし</td></tr></table>');
    expect(japanese).toMatchObject({ outgoingServer: 'smtp.kestrel.jp', port: 587, security: 'none' });
    const chinese = extract('<table><tr><td>发送服务器</td><td>smtp.kestrel.cn</td></tr><tr><td>端口</td><td>25</td></tr><tr><td>加密方式</td><td>不加密</td></tr></table>');
    expect(chinese).toMatchObject({ port: 25, security: 'none' });
  });

  it('gives plain values and an anchor on account pages only', () => {
    const account = loadPage('en-roundcube-smtp-identity.html');
    const result = classifyPage(account.document, account.url);
    expect(result.kind).toBe('account');
    expect(result.settings.anchor?.getAttribute('id')).toBe('rcmfd_smtp_port');
    expect(result.settings.shownIn.map((element) => element.getAttribute('id'))).toContain('rcmfd_smtp_port');
    const { anchor: _anchor, shownIn: _shownIn, ...plain } = result.settings;
    expect(JSON.parse(JSON.stringify(plain))).toEqual(plain);
    for (const value of Object.values(plain)) if (typeof value === 'string') expect(value).not.toMatch(/[<>]/);

    const article = loadPage('en-uni-thunderbird-outgoing-server.html');
    const articleResult = classifyPage(article.document, article.url);
    expect(articleResult.kind).toBe('article');
    expect(articleResult.settings.anchor).toBeNull();
    expect(articleResult.settings.shownIn).toEqual([]);
    expect(articleResult.settings.outgoingServer).toBe('smtp.eastmoor.example');
  });

  it.each([
    ['en-cpanel-mail-client-manual-settings.html', 'table'],
    ['en-plesk-mail-settings-dl.html', 'dl'],
    ['de-webmail-smtp-einstellungen.html', 'input'],
    ['nl-mijn-account-mailinstellingen.html', 'div'],
  ])('%s anchors the hint on a %s', (file, tag) => {
    const { document, url } = loadPage(file);
    expect(classifyPage(document, url).settings.anchor?.tagName.toLowerCase()).toBe(tag);
  });
});

describe('text positions', () => {
  it('keep pointing at their text nodes when soft hyphens and zero-width spaces are dropped', () => {
    const document = parse(
      '<!doctype html><html><head><title>x</title></head><body><p>Post\u00adaus\u00adgangs\u00adserver ein\u200btragen.</p><p>Port 587 mit STARTTLS.</p></body></html>',
    );
    const facts = gatherFacts(document, 'https://example.net/kb/1', 64 * 1024);
    expect(facts.text).toContain('postausgangsserver eintragen.');
    for (const segment of facts.segments) {
      const own = (segment.node.textContent ?? '').replace(/[\u00ad\u200b]/g, '').replace(/\s+/g, ' ').trim().toLowerCase();
      expect(facts.text.slice(segment.start, segment.start + own.length)).toBe(own);
    }
  });
});

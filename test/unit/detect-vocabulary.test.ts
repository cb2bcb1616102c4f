/**
 * `countMatches` and `has` scan with the patterns' look-behind-free twins and check the start of each word by
 * hand (vocabulary.ts). They must find exactly what the word-bounded patterns themselves find.
 */
import { describe, expect, it } from 'vitest';
import * as vocabulary from '../../src/core/detect/vocabulary';
import { countMatches, countMatchesWhere, has, matchStarts, normalise, scanTogether, words } from '../../src/core/detect/vocabulary';
import { NEAR_MISSES } from '../../src/core/detect/near-miss';
import { ADVICE, MAIL_CLIENT, OUTGOING_SERVER, SEND_WORD, YOU } from '../../src/core/detect/vocabulary';
import { isAccountUrl, isManualUrl } from '../../src/core/detect/topic';
import { loadPage, readLabels } from '../fixtures/pages/corpus';

/** The plain way: the pattern with its own look-behind, match by match. */
function reference(pattern: RegExp, text: string, limit: number): number {
  pattern.lastIndex = 0;
  let count = 0;
  while (count < limit && pattern.exec(text) !== null) count += 1;
  pattern.lastIndex = 0;
  return count;
}

/** Where the pattern's own matches start, match by match (at most `limit`). */
function starts(pattern: RegExp, text: string, limit: number): number[] {
  const found: number[] = [];
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match !== null && found.length < limit; match = pattern.exec(text)) found.push(match.index);
  pattern.lastIndex = 0;
  return found;
}

const PATTERNS = Object.entries(vocabulary).filter((entry): entry is [string, RegExp] => entry[1] instanceof RegExp);

/** Calls `check` with every shared pattern on every fixture page's text; returns how many pairs it checked. */
function onEveryPage(check: (name: string, pattern: RegExp, text: string, file: string) => void): number {
  let compared = 0;
  for (const { file } of readLabels()) {
    const text = normalise(loadPage(file).document.body?.textContent ?? '');
    for (const [name, pattern] of PATTERNS) {
      check(name, pattern, text, file);
      compared += 1;
    }
  }
  return compared;
}

describe('countMatches finds what the word-bounded pattern finds', () => {
  it('on every page of the corpus, for every shared pattern', () => {
    expect(PATTERNS.length).toBeGreaterThan(15);
    const compared = onEveryPage((name, pattern, text, file) => {
      expect(countMatches(pattern, text, 10_000), `${name} on ${file}`).toBe(reference(pattern, text, 10_000));
    });
    expect(compared).toBeGreaterThan(1000);
  });

  it.each([
    ['a word glued to letters before it is no match', 'xsmtp server and smtp server', 1],
    ['digits before count as part of the word', '2smtp server', 0],
    ['a letter outside the BMP before it', '\u{1d400}smtp server, then smtp host', 1],
    ['an emoji before it is not a letter', '\u{1f4e7}smtp server', 1],
    ['accented letters before it', 'ésmtp server', 0],
    ['at the very start and after punctuation', 'smtp server; (smtp server)', 2],
    ['overlapping candidates', 'smtp smtp server', 1],
    ['a lone low surrogate before it is not a letter', 'a\udc00smtp server', 1],
    ['a lone high surrogate before it is not a letter', '\ud800smtp server', 1],
  ])('%s', (_, text, expected) => {
    const pattern = words('smtp (?:server|host)');
    expect(countMatches(pattern, text)).toBe(expected);
    expect(reference(pattern, text, 50)).toBe(expected);
    expect(has(pattern, text)).toBe(expected > 0);
  });

  it('matchStarts gives where the word-bounded pattern finds its matches, on every page of the corpus', () => {
    const compared = onEveryPage((name, pattern, text, file) => {
      expect(matchStarts(pattern, text, 20), `${name} on ${file}`).toEqual(starts(pattern, text, 20));
    });
    expect(compared).toBeGreaterThan(1000);
    expect(matchStarts(words('smtp (?:server|host)'), 'xsmtp server, smtp host and smtp server', 1)).toEqual([14]);
  });

  it('scans with the alternatives sharing their beginnings, and the same alternative still wins where several match', () => {
    /** Where each match starts, and what it is: which alternative won shows in where the next one starts. */
    const matches = (pattern: RegExp, text: string): string[] => {
      const found: string[] = [];
      pattern.lastIndex = 0;
      for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) found.push(`${match.index}:${match[0]}`);
      pattern.lastIndex = 0;
      return found;
    };
    const cases: Array<[string[], string]> = [
      // "send" before "send mail": the shorter wins at 0, and the scan goes on after it ("mail as" is not a match).
      [['send', 'send mail', 'mail as'], 'send mail as you'],
      [['send mail', 'send', 'mail as'], 'send mail as you'],
      // An alternative that does not begin with a plain letter stands between the others and keeps its place.
      [['ab(?= z)', '(?:a|x)b', 'abc', 'ab'], 'ab z, ab, abc, xb'],
      // "a" wins at 0 and leaves "b c" to match; moved after "(?:a) b", it would not.
      [['a', '(?:a) b', 'b c'], 'a b c'],
      [['x', '(?:a) b', 'a', 'b c'], 'a b c'],
      [['port ?25', 'ports?', 'p(?:ort|ost)', 'po?rt'], 'port25 ports post prt port 25'],
      // A bar inside a class or a group, or escaped, divides nothing.
      [['a[|]b', 'c\\|d', '(?:e|f)g', 'e\\.h'], 'a|b c|d eg fg e.h eh'],
      [['e-?mail', 'email', 'e-mails?'], 'e-mail email e-mails emails'],
    ];
    for (const [sources, text] of cases) {
      const pattern = words(...sources);
      const reference = new RegExp(`(?<![\\p{L}\\p{N}])(?:${sources.join('|')})(?![\\p{L}\\p{N}])`, 'gu');
      const found = matches(reference, text);
      expect(found.length, sources.join(' | ')).toBeGreaterThan(0);
      expect(matchStarts(pattern, text, 100), sources.join(' | ')).toEqual(found.map((entry) => Number(entry.split(':')[0])));
      expect(countMatches(pattern, text, 100)).toBe(found.length);
    }
  });

  it('stops at the limit, and gives the same answer every time', () => {
    const pattern = words('port');
    const text = 'port '.repeat(100);
    expect(countMatches(pattern, text, 3)).toBe(3);
    expect(countMatches(pattern, text)).toBe(50);
    expect(countMatches(pattern, text, 3)).toBe(3);
    expect(has(pattern, 'x port')).toBe(true);
    expect(has(pattern, 'xport')).toBe(false);
    expect(has(pattern, 'x port')).toBe(true);
    // The word-bounded pattern itself is left as it was for the code that runs it directly.
    expect(pattern.lastIndex).toBe(0);
    expect(reference(pattern, text, 1000)).toBe(100);
  });
});

describe('word lists found together in one scan (scanTogether)', () => {
  it('find what each list finds alone, on every long page text of the corpus, near-miss kinds and reading words alike', () => {
    const lists = [...NEAR_MISSES.map((category) => category.pattern), OUTGOING_SERVER, MAIL_CLIENT, SEND_WORD, ADVICE, YOU];
    // The fixture pages are short: joined a few at a time, they make texts as long as the ones lists are found together in.
    const texts: string[] = [''];
    for (const { file } of readLabels()) {
      texts[texts.length - 1] += `${normalise(loadPage(file).document.body?.textContent ?? '')}\n`;
      if (texts[texts.length - 1]!.length > 16_384) texts.push('');
    }
    let compared = 0;
    let matches = 0;
    for (const text of texts.filter((candidate) => candidate.length >= 2048)) {
      for (const pattern of lists) {
        const expected = starts(pattern, text, 10_000);
        expect(matchStarts(pattern, text, 10_000), pattern.source.slice(60, 100)).toEqual(expected);
        compared += 1;
        matches += expected.length;
      }
    }
    expect(compared).toBeGreaterThan(100);
    expect(matches).toBeGreaterThan(500);
  });

  it('keep each list\'s own order, limit and filter where lists overlap', () => {
    const first = words('send', 'send mail', 'mail as');
    const second = words('send mail', 'mail', 'as you', 'e-?mails?');
    const third = words('(?:e|ma)il', 'you');
    const alone = [words('send', 'send mail', 'mail as'), words('send mail', 'mail', 'as you', 'e-?mails?'), words('(?:e|ma)il', 'you')];
    scanTogether([first, second, third]);
    const text = `${'send mail as you, e-mails, xsend mail; email il '.repeat(60)}tail`;
    expect(text.length).toBeGreaterThan(2048);
    [first, second, third].forEach((pattern, index) => {
      const reference = alone[index]!;
      expect(matchStarts(pattern, text, 1000)).toEqual(starts(reference, text, 1000));
      expect(countMatches(pattern, text, 7)).toBe(7);
      const odd = (start: number) => start % 2 === 1;
      expect(countMatchesWhere(pattern, text, odd, 1000)).toBe(starts(reference, text, 1000).filter(odd).length);
    });
    // "send" wins over "send mail" in the first list, "send mail" in the second: each keeps its own order.
    expect(countMatches(first, text, 1000)).toBe(120);
    expect(countMatches(second, text, 1000)).toBe(300);
  });

  it('"port 25 is blocked", scanned without its look-behind, finds what the pattern itself finds', () => {
    const sentences = [
      'we block port 25 on every line', 'port 25 is blocked by most providers', 'xport 25 is blocked', 'port 25 xblocked here',
      'unblock port 25? no, port 25 stays blocked', 'the 25 numaralı port engellendi', 'ttnet 25 portunu kapatıyor', 'a2525 port blocked',
      'puerto 25 bloqueado. el puerto 587 no', 'stopping port 25', 'the port 25. it is blocked',
    ];
    const text = sentences.join('\n').repeat(3);
    expect(countMatches(vocabulary.PORT_25_BLOCKED, text, 1000)).toBe(reference(vocabulary.PORT_25_BLOCKED, text, 1000));
    expect(reference(vocabulary.PORT_25_BLOCKED, text, 1000)).toBeGreaterThan(10);
    for (const sentence of sentences) expect(has(vocabulary.PORT_25_BLOCKED, sentence), sentence).toBe(reference(vocabulary.PORT_25_BLOCKED, sentence, 1) === 1);
  });

  it('take word lists only, each in one group', () => {
    expect(() => scanTogether([/smtp/g])).toThrow(/words\(\) patterns only/);
    const list = words('relay');
    scanTogether([list, words('relays')]);
    expect(() => scanTogether([list])).toThrow(/one group only/);
  });
});

describe('normalise', () => {
  it.each([
    ['Outgoing Server (SMTP): Mail.Example.COM', 'outgoing server (smtp): mail.example.com'],
    ['Port  587', 'port 587'],
    ['It`s port 465', "it's port 465"],
    ['Server\nPort 587 ', 'server\nport 587 '],
    ['Server\tPort', 'server port'],
    ['Sa\u00edda: 587\u00a0(TLS)', 'saída: 587 (tls)'],
    ['\uff33\uff2d\uff34\uff30 e\u2011mail', 'smtp e-mail'],
  ])('%j reads %j, plain ASCII by its one-scan path or not', (text, expected) => {
    expect(normalise(text)).toBe(expected);
  });
});

/** Phrasings that real pages use and the vocabulary once missed (issue #10), and their look-alikes. */
/** The near-miss category of SMTP relays and bulk sending. */
const BULK_RELAY = NEAR_MISSES.find((category) => category.id === 'bulk-relay')!.pattern;

describe('real phrasings', () => {
  it.each([
    ['Turkish puts the number first', vocabulary.PORT_25_BLOCKED, 'ttnet 25 portunu kullanıma kapatıyor', true],
    ["Gmail's send-as dialog, in German", vocabulary.SEND_AS, 'Entfernen Sie das Häkchen bei Als Alias behandeln', true],
    ["Gmail's send-as dialog, in French", vocabulary.SEND_AS, 'décochez la case Traiter comme un alias', true],
    ['an alias in general is no send-as', vocabulary.SEND_AS, 'create an alias for your mailbox', false],
    ['Japanese "send as another address"', vocabulary.CJK_SEND_AS, '別のアドレスとして送信する: ポート番号を選択する', true],
    ['Japanese "treat as an alias"', vocabulary.CJK_SEND_AS, '「エイリアスとして扱います」のチェックを外します', true],
    ['Chinese "treat as an alias"', vocabulary.CJK_SEND_AS, '取消勾选视为别名', true],
    ['Japanese "send mail" alone is no send-as', vocabulary.CJK_SEND_AS, 'メールを送信する方法', false],
    ['Turkish "25 numaralı port" engellendi', vocabulary.PORT_25_BLOCKED, '25 numaralı port engellendi', true],
    ['port 25 with no blocking word', vocabulary.PORT_25_BLOCKED, 'the default is port 25 for servers', false],
    ["Outlook's check box without the word outgoing", vocabulary.OUTGOING_SERVER, 'Tick "My server requires authentication"', true],
    ['outbound mail', vocabulary.OUTGOING_SERVER, 'verification required at outbound mail', true],
    ["a mail app's own heading for the sending side", vocabulary.OUTGOING_SERVER, 'tap Outgoing settings and enter the server', true],
    ["a firewall's outgoing settings are no mail", vocabulary.OUTGOING_SERVER, 'open the firewall outgoing settings', false],
    ['Turkish outgoing server, any ending', vocabulary.OUTGOING_SERVER, 'giden sunucu portu', true],
    ['Catalan outgoing server', vocabulary.OUTGOING_SERVER, 'el servidor de sortida', true],
    ['German outgoing server, the adjective inflected', vocabulary.OUTGOING_SERVER, 'Derselbe Name gilt für den ausgehenden Mailserver', true],
    ['German "Ausgehender Server"', vocabulary.OUTGOING_SERVER, 'Ausgehender Server: mail.example.de', true],
    ['German outgoing server written apart', vocabulary.OUTGOING_SERVER, 'Ausgehender Mail Server: mail.example.de', true],
    ["German outgoing connections of a server are no server", vocabulary.OUTGOING_SERVER, 'ausgehende Server-Verbindungen werden gesperrt', false],
    ['German incoming server without "mail"', vocabulary.INCOMING_SERVER, 'Eingehender Server: imap.example.de', true],
    ['Dutch mail program without a hyphen', vocabulary.MAIL_CLIENT, 'in je emailprogramma', true],
    ['German mail program as two words', vocabulary.MAIL_CLIENT, 'Ein E-Mail Programm benötigt die Angabe', true],
    ['German mail software', vocabulary.MAIL_CLIENT, 'muss seiner E-Mail-Software zwei Dinge mitteilen', true],
    ['Gmail is a provider as often as a program', vocabulary.MAIL_CLIENT, 'a Gmail account', false],
    ['FairEmail by name', vocabulary.MAIL_CLIENT, 'Het instellen van FairEmail is eenvoudig', true],
    ['MailMate by name', vocabulary.MAIL_CLIENT, 'add these accounts to MailMate', true],
    ['Aqua Mail written as one word', vocabulary.MAIL_CLIENT, 'otwórz AquaMail i dodaj konto', true],
    ['a mail program only when "evolution" is its name', vocabulary.MAIL_CLIENT, 'the evolution of spam filters', false],
    ['Spark read with its second word', vocabulary.MAIL_CLIENT, 'open Spark Mail and add the account', true],
    ["Swisscom's bluemail.ch addresses are a provider's, not the BlueMail program", vocabulary.MAIL_CLIENT, 'Sie benutzen bluewin.ch oder bluemail.ch', false],
    ['the outbox, in Spanish', vocabulary.OUTBOX, 'se queda en la bandeja de salida', true],
    ['Postausgangsserver is a server, not the outbox', vocabulary.OUTBOX, 'der Postausgangsserver', false],
    ['"Postausgang (SMTP)" is the server label, not the outbox', vocabulary.OUTBOX, 'Postausgang (SMTP): mail.example.de', false],
    ['the German outbox folder', vocabulary.OUTBOX, 'die Nachricht bleibt im Postausgang liegen', true],
    ['Russian "outgoing connections" is not the outbox', vocabulary.OUTBOX, 'исходящие соединения блокируются', false],
    ['a developer\'s outbox pattern', vocabulary.OUTBOX, 'the transactional outbox pattern', false],
    ['Turkish ordinal "25\'inci port" blocked', vocabulary.PORT_25_BLOCKED, "25'inci port engellendi", true],
    ['Dutch "Engelse" is no Turkish blocking word', vocabulary.PORT_25_BLOCKED, 'poort 25 en de engelse versie', false],
    ['"top 25 ports" is no port 25', vocabulary.PORT_25_BLOCKED, 'the top 25 ports are closed or filtered', false],
    ['French "entourage" is no mail program', vocabulary.MAIL_CLIENT, 'votre entourage familial', false],
    ['outbound e-mail campaigns are marketing', vocabulary.OUTGOING_SERVER, 'plan your outbound email campaigns', false],
    ['a non-breaking hyphen in "e-post"', vocabulary.OUTGOING_SERVER, 'servern för utgående e\u2011post', true],
    ['a soft hyphen inside a word', vocabulary.OUTGOING_SERVER, 'der Postausgangs\u00adserver', true],
    ['a zero-width space inside a word', vocabulary.SMTP, 'the SM\u200bTP server', true],
    ['Polish "could not be sent"', vocabulary.CANNOT_SEND, 'Wiadomość nie mogła zostać wysłana', true],
    ['Russian "cannot send"', vocabulary.CANNOT_SEND, 'не удается отправить письмо', true],
    ['a Polish login label', vocabulary.USER_WORD, 'Nazwa użytkownika', true],
    ['a Russian login label', vocabulary.USER_WORD, 'Имя пользователя', true],
    ['a Japanese login label', vocabulary.CJK_USER, 'ユーザー名', true],
    ['a Chinese login label', vocabulary.CJK_USER, '用户名', true],
    ['a Japanese display name is no login', vocabulary.CJK_USER, '表示名', false],
    ['German "cannot send", the way and the address between', vocabulary.CANNOT_SEND, 'Kunden können plötzlich keine Mails über ihre Uni-Adresse versenden', true],
    ['German "cannot send via" a provider', vocabulary.CANNOT_SEND, 'ich kann keine E-Mail via Orange senden', true],
    ['German "no mails" and a far-off verb are no symptom', vocabulary.CANNOT_SEND, 'Sie können keine Mails löschen, die Sie zuvor mit dem alten Programm an Kollegen und Freunde gesendet haben', false],
    ['Russian "I cannot" alone is no symptom', vocabulary.CANNOT_SEND, 'не могу найти настройки', false],
    ['Turkish "cannot be sent"', vocabulary.CANNOT_SEND, 'e-postalar gönderilemiyor', true],
    ['Spanish spelling "autentificación"', vocabulary.AUTH_WORD, 'requiere autentificación', true],
    ['German verb-first advice', vocabulary.ADVICE, 'Hier müssen Sie den Port ändern', true],
    ['Italian steps in the infinitive', vocabulary.STEP_VERB, 'cliccare su Impostazioni account', true],
    ['Turkish capital dotted I', vocabulary.AUTH_WORD, 'KİMLİK DOĞRULAMA gerekli', true],
    ['"we won\'t send you spam" is no symptom', vocabulary.CANNOT_SEND, "we won't send you spam", false],
    ['mail that will not be sent is', vocabulary.CANNOT_SEND, 'messages cannot be sent', true],
    ['Russian clients leaving is no symptom', vocabulary.CANNOT_SEND, 'клиенты не уходят к конкурентам', false],
    ['Russian letters not leaving is', vocabulary.CANNOT_SEND, 'письма не уходят', true],
    ['a French train not leaving is no symptom', vocabulary.CANNOT_SEND, "le train ne part pas à l'heure", false],
    ['Dutch data not sent to third parties is no symptom', vocabulary.CANNOT_SEND, 'uw gegevens worden niet verstuurd naar derden', false],
    ['Italian privacy wording is no symptom', vocabulary.CANNOT_SEND, 'i dati non vengono inviati a terzi', false],
    ['Spanish "no salen las opciones" is no symptom', vocabulary.CANNOT_SEND, 'si no salen las opciones', false],
    ['Italian "you cannot send", to the reader', vocabulary.CANNOT_SEND, 'quando non riesci a inviare mail', true],
    ['Italian "you cannot send" a form is no symptom', vocabulary.CANNOT_SEND, 'se non riesci a inviare il modulo', false],
    ['French "vous n\'arrivez pas à envoyer"', vocabulary.CANNOT_SEND, "vous n'arrivez pas à envoyer vos e-mails", true],
    ['French "ne pouvez plus envoyer de courriels"', vocabulary.CANNOT_SEND, 'vous ne pouvez plus envoyer de courriels', true],
    ['Italian "non puoi inviare l\'email"', vocabulary.CANNOT_SEND, "se non puoi inviare l'email da Outlook", true],
    ['Dutch "kun je geen e-mail versturen"', vocabulary.CANNOT_SEND, 'kun je geen e-mail versturen?', true],
    ['Portuguese "não conseguimos enviar os e-mails"', vocabulary.CANNOT_SEND, 'não conseguimos enviar os e-mails', true],
    ['German mail that cannot be received is no sending symptom', vocabulary.CANNOT_SEND, 'Sie können keine E-Mails empfangen', false],
    ['a German unsubscribe confirmation is no symptom', vocabulary.CANNOT_SEND, 'wir werden Ihnen keine E-Mails mehr senden', false],
    ['Spanish chat group messages are no mail', vocabulary.CANNOT_SEND, 'no puedes enviar mensajes a este grupo', false],
    ['Portuguese chat group messages are no mail', vocabulary.CANNOT_SEND, 'você não pode enviar mensagens para este grupo', false],
    ['French chat group messages are no mail', vocabulary.CANNOT_SEND, 'vous ne pouvez pas envoyer de messages à ce groupe', false],
    ['German chat group messages are no mail', vocabulary.CANNOT_SEND, 'du kannst keine Nachrichten an diese Gruppe senden', false],
    ['Polish chat group messages are no mail', vocabulary.CANNOT_SEND, 'nie możesz wysyłać wiadomości do tej grupy', false],
    ['Spanish "no puedes enviar correos"', vocabulary.CANNOT_SEND, 'si no puedes enviar correos desde Outlook', true],
    ['Spanish "they cannot send spam" is no symptom', vocabulary.CANNOT_SEND, 'los bots no pueden enviar spam', false],
    ['Portuguese "não conseguem enviar e-mails"', vocabulary.CANNOT_SEND, 'os clientes não conseguem enviar e-mails', true],
    ['German "Sie können keine E-Mails versenden"', vocabulary.CANNOT_SEND, 'Sie können keine E-Mails mehr versenden', true],
    ['Polish "nie możesz wysłać maila"', vocabulary.CANNOT_SEND, 'nie możesz wysłać maila z programu', true],
    ['Dutch "u kunt geen e-mail versturen"', vocabulary.CANNOT_SEND, 'u kunt geen e-mail meer versturen', true],
    ['a French appointment is no step', vocabulary.STEP_VERB, 'une application de rendez-vous', false],
    ['Apache Pulsar is no step', vocabulary.STEP_VERB, 'apache pulsar cluster', false],
    ['Russian login in general is no SMTP authentication', vocabulary.AUTH_WORD, 'авторизация на сайте', false],
    ['Polish incoming and outgoing with the server word said once', vocabulary.OUTGOING_SERVER, 'podaj nazwy serwerów poczty przychodzącej i wychodzącej', true],
    ['Swedish "utgående mejl"', vocabulary.OUTGOING_SERVER, 'servern för utgående mejl heter smtp.exempel.se', true],
    ['Slovak outgoing mail server', vocabulary.OUTGOING_SERVER, 'adresa servera odchádzajúcej pošty', true],
    ['Finnish outgoing server, inflected', vocabulary.OUTGOING_SERVER, 'kirjoita lähtevän sähköpostin palvelimen nimi', true],
    ['Spanish incoming and outgoing servers together', vocabulary.OUTGOING_SERVER, 'los servidores de entrada y salida son los mismos', true],
    ['Spanish data input and output is no mail server', vocabulary.OUTGOING_SERVER, 'la entrada y salida de datos del disco', false],
    ['Japanese "cannot send or receive"', vocabulary.CJK_CANNOT_SEND, '急にメールの送受信ができなくなった', true],
    ['Japanese "sending fails", with が', vocabulary.CJK_CANNOT_SEND, 'メールの送信ができない場合', true],
    ['Japanese receiving alone is no sending symptom', vocabulary.CJK_CANNOT_SEND, 'メールの受信ができない場合', false],
    ['Chinese "mail does not go out"', vocabulary.CJK_CANNOT_SEND, '信件寄不出去怎麼辦', true],
    ['Korean outgoing mail server', vocabulary.OUTGOING_SERVER, '보내는 메일 서버 주소를 입력하세요', true],
    ['Romanian SMTP server with its article', vocabulary.OUTGOING_SERVER, 'introduceți serverul SMTP al furnizorului', true],
    ['Croatian outgoing server', vocabulary.OUTGOING_SERVER, 'poslužitelj za odlaznu poštu', true],
    ['Indonesian outgoing mail server', vocabulary.OUTGOING_SERVER, 'isi server surat keluar dengan', true],
    ['Vietnamese outgoing mail server', vocabulary.OUTGOING_SERVER, 'nhập máy chủ thư đi', true],
    ['Vietnamese outgoing server named for the outbox, as Outlook says it', vocabulary.OUTGOING_SERVER, 'tên máy chủ hộp thư đi', true],
    ['Vietnamese incoming server named for the inbox', vocabulary.INCOMING_SERVER, 'tên máy chủ hộp thư đến', true],
    ['Arabic Outlook Outbox', vocabulary.OUTBOX, 'الرسائل العالقة في صندوق الصادر', true],
    ['Turkish Outbox', vocabulary.OUTBOX, 'ileti giden kutusunda bekliyor', true],
    ['Vietnamese Outbox', vocabulary.OUTBOX, 'thư bị kẹt trong hộp thư đi', true],
    ['the Vietnamese outgoing server named after the outbox is no outbox', vocabulary.OUTBOX, 'nhập tên máy chủ hộp thư đi', false],
    ['a Vietnamese e-mail box is no outbox', vocabulary.OUTBOX, 'hộp thư điện tử của công ty', false],
    ['Arabic Outbox with a joined preposition', vocabulary.OUTBOX, 'تبقى الرسالة بصندوق الصادر', true],
    ['Arabic outgoing message as such is no Outbox', vocabulary.OUTBOX, 'البريد الصادر من الشركة', false],
    ['Arabic outgoing mail server', vocabulary.OUTGOING_SERVER, 'أدخل خادم البريد الصادر', true],
    ['Taiwanese outgoing server', vocabulary.CJK_OUTGOING, '外寄郵件伺服器請填', true],
    ['Chinese SMTP server with a space', vocabulary.CJK_OUTGOING, '填写 SMTP 服务器地址', true],
    ['Thai outgoing server', vocabulary.CJK_OUTGOING, 'ตั้งค่าเซิร์ฟเวอร์ขาออก', true],
    ["Czech Apple's Mail on a Mac, inflected", vocabulary.MAIL_CLIENT, 'změna nastavení v mailu na macu', true],
    ["Czech Apple's Mail, the app named", vocabulary.MAIL_CLIENT, 'chcete-li to změnit v aplikaci mail na macu', true],
    ["German Apple's Mail app", vocabulary.MAIL_CLIENT, 'öffnen Sie die App Mail', true],
    ["French Apple's Mail app, the article elided", vocabulary.MAIL_CLIENT, "ouvrez l'application Mail sur votre Mac", true],
    ["Swedish Apple's Mail app", vocabulary.MAIL_CLIENT, 'öppna Mail-appen på din iPhone', true],
    ['mail kept on machines is no Mac', vocabulary.MAIL_CLIENT, 'we store your e-mail on machines in the EU', false],
    ['an application sent by mail is no Mail app', vocabulary.MAIL_CLIENT, 'submit your application mail to HR', false],
    ['Finnish mail program', vocabulary.MAIL_CLIENT, 'avaa sähköpostiohjelma ja valitse', true],
    ['Hungarian mail program', vocabulary.MAIL_CLIENT, 'a levelezőprogram beállításai', true],
    ['Korean mail client', vocabulary.MAIL_CLIENT, '메일 클라이언트 설정', true],
    ['a letter box is no mail program', vocabulary.MAIL_CLIENT, 'drop it in the postbox on the corner', false],
    ['Catalan "disabled port 25"', vocabulary.PORT_25_BLOCKED, "van deshabilitar el port 25 del servei d'internet", true],
    ['Scandinavian "aesthetic" is no Finnish blocking word', vocabulary.PORT_25_BLOCKED, 'port 25 og estetisk design', false],
    ['Polish "port 25 is closed"', vocabulary.PORT_25_BLOCKED, 'port 25 jest zamknięty dla klientów', true],
    ['Dutch port 25 named with nothing closing it', vocabulary.PORT_25_BLOCKED, 'poort 25 is de standaardpoort', false],
    ['French "port sortant" in a settings table', vocabulary.OUTGOING_SERVER, 'port entrant 993 port sortant 465', true],
    ['Czech server for sending', vocabulary.OUTGOING_SERVER, 'adresa serveru pro odesílání pošty', true],
    ['Czech posting letters abroad is no mail server', vocabulary.OUTGOING_SERVER, 'odesílání pošty do zahraničí je dražší', false],
    ['Hungarian SMTP server', vocabulary.OUTGOING_SERVER, 'az smtp szerver jelszót kér', true],
    ['Greek SMTP settings', vocabulary.OUTGOING_SERVER, 'οι ρυθμίσεις smtp του gmail', true],
    ['Japanese SMTP port', vocabulary.CJK_OUTGOING, 'SMTPポートの番号', true],
    ['outgoing ports in a firewall are no mail server', vocabulary.OUTGOING_SERVER, 'autorisez les ports sortants dans le pare-feu', false],
    ['Polish incoming and outgoing calls are no mail', vocabulary.OUTGOING_SERVER, 'połączenia przychodzące i wychodzące są bezpłatne', false],
    ['Swedish outgoing post collected at four is no mail server', vocabulary.OUTGOING_SERVER, 'utgående post hämtas klockan 16', false],
    ['Greek in capitals, without accents', vocabulary.OUTGOING_SERVER, 'ΕΞΕΡΧΟΜΕΝΟΣ ΔΙΑΚΟΜΙΣΤΗΣ', true],
    ['Romanian with the cedilla ş', vocabulary.OUTGOING_SERVER, 'serverul de ieşire', true],
    ['Hebrew with the article glued on', vocabulary.OUTGOING_SERVER, 'שרת הדואר היוצא', true],
    ['Arabic with a preposition glued on', vocabulary.OUTGOING_SERVER, 'انتقل لخادم البريد الصادر', true],
    ['Korean SMTP server written together', vocabulary.CJK_OUTGOING, 'SMTP서버 주소를 입력', true],
    // Spaced, it is OUTGOING_SERVER's alone: reading.ts adds the two lists' counts, so a phrase in both would count twice.
    ['Korean SMTP server, spaced, is counted once', vocabulary.CJK_OUTGOING, 'smtp 서버 주소를 입력', false],
    ['Korean outgoing mail server is counted once', vocabulary.CJK_OUTGOING, '보내는 메일 서버', false],
    ['Japanese parcels that cannot be sent are no mail', vocabulary.CJK_CANNOT_SEND, '荷物が送れない場合', false],
    ['Taiwanese goods that cannot be shipped are no mail', vocabulary.CJK_CANNOT_SEND, '此商品無法寄送到離島', false],
    ['an SMS code that failed is no mail', vocabulary.CJK_CANNOT_SEND, '驗證碼發送失敗請重試', false],
    ['SSL disabled next to port 25 is no blocking', vocabulary.PORT_25_BLOCKED, 'outgoing server mail.example.com, port 25, ssl disabled', false],
    ['Finnish port 25 closed', vocabulary.PORT_25_BLOCKED, 'portti 25 on suljettu', true],
    ['Hungarian port 25 blocked', vocabulary.PORT_25_BLOCKED, 'a 25-ös port letiltva', true],
    ['an Italian shipping server is a sending server, a shipping company is not', vocabulary.OUTGOING_SERVER, 'la società di spedizione', false],
    ['Italian "posta in partenza" is outgoing mail', vocabulary.OUTGOING_SERVER, 'Per la posta in partenza il protocollo consigliato è SMTP', true],
    ['an Italian train departing is no mail', vocabulary.OUTGOING_SERVER, 'il treno in partenza da Milano', false],
    ['German "Mailversand" is sending', vocabulary.SEND_WORD, 'den Mailversand (Port 25) gesperrt', true],
    ['German polite "Sie" addresses the reader', vocabulary.YOU, 'Geben Sie den Server ein', true],
    ['French "du" is not "you"', vocabulary.YOU, 'le nom du serveur', false],
    ['Greek step verb', vocabulary.STEP_VERB, 'Επιλέξτε Ρυθμίσεις λογαριασμού', true],
    ['Finnish advice', vocabulary.ADVICE, 'Suosittelemme porttia 587', true],
    ['Slovak SMTP authentication', vocabulary.AUTH_WORD, 'vyžaduje overovanie totožnosti', true],
    ['Norwegian sending mail', vocabulary.SEND_WORD, 'for å sende e-post fra telefonen', true],
    // Japanese ISPs write OP25B out as "Outbound Port25 Blocking", the number glued to the word.
    ['"Port25" glued together is port 25, blocked', vocabulary.PORT_25_BLOCKED, 'Outbound Port25 Blocking(OP25B)', true],
    ['"Port250" is no port 25', vocabulary.PORT_25_BLOCKED, 'port250 blocked', false],
    ['"portal 25" is no port 25', vocabulary.PORT_25_BLOCKED, 'portal 25 blocked', false],
    // An engineer writes the port as number and protocol, with no word for a port.
    ['"outbound 25/tcp" is port 25, blocked', vocabulary.PORT_25_BLOCKED, 'Use 587 as many providers block outbound 25/tcp traffic', true],
    ['"outgoing tcp/25" is port 25, filtered', vocabulary.PORT_25_BLOCKED, 'on our network outgoing tcp/25 is filtered', true],
    ['"outbound 125/tcp" is no port 25', vocabulary.PORT_25_BLOCKED, 'the firewall blocks outbound 125/tcp', false],
    ['"outbound tcp/2525" is no port 25', vocabulary.PORT_25_BLOCKED, 'the firewall blocks outbound tcp/2525', false],
    // Yahoo's spam folder is "Bulk": a help page on any subject may send the reader there.
    ['Yahoo\'s "Bulk Mail folder" is no bulk sending', BULK_RELAY, 'If it is not there, look in your Bulk Mail folder', false],
    ['a "bulk mail filter" is no bulk sending', BULK_RELAY, 'the message was caught by a bulk mail filter', false],
    ['bulk e-mail itself is', BULK_RELAY, 'we send bulk e-mail for online shops', true],
    // A port scan's listing and a firewall's rules name the port with no direction: no provider's block.
    ['a port scan\'s "25/tcp open" beside a filtered port', vocabulary.PORT_25_BLOCKED, '22/tcp filtered ssh 25/tcp open smtp 80/tcp filtered http', false],
    ['a firewall rule allowing 25/tcp', vocabulary.PORT_25_BLOCKED, 'the firewall blocks all incoming traffic, so run ufw allow 25/tcp', false],
    ['"Port587" glued together names a port', vocabulary.PORT_WITH_NUMBER, 'Message Submission(Port587)', true],
    ['a swiss provider\'s "SMTPAUTH" row is SMTP', vocabulary.SMTP, 'SMTPAUTH | smtpauth.example.ch', true],
    ['"smtpd" is no SMTP of a mail program', vocabulary.SMTP, 'smtpd_recipient_restrictions', false],
  ])('%s', (_, pattern, text, expected) => {
    expect(has(pattern, normalise(text))).toBe(expected);
  });
});

describe('product manuals by address', () => {
  it.each([
    ['https://manuals.vendor.example/printer/mail.html', true],
    ['https://www.vendor.example/manual/v7/settings/mail-reports.html', true],
    ['https://z-backup.example/z-cron-hilfe/topics/mail.htm', true],
    ['https://docs.vendor.example/email/smtp', true],
    ['https://help.example.es/correo/configuracion-manual', false],
    ['https://blog.example.it/2013/05/aggiunta-account-configurazione-manuale/', false],
    ['https://transcripts.example.fr/doc/3188354/la-configuration-de-la-messagerie', false],
    ['https://www.vendor.example/manual#smtp', true],
  ])('%s is a manual: %s', (url, expected) => {
    expect(isManualUrl(url)).toBe(expected);
  });
});

describe('account areas by address', () => {
  it.each([
    ['https://mail.example.net/?_task=settings&_action=identities', true],
    ['https://my.example.net/clientarea.php', true],
    ['https://panel.example.net/mail/accounts/edit', true],
    ['https://support.example.com/account', true],
    ['https://example.net/settings/helpdesk', true],
    // A knowledge base inside the client area is help, not someone's account.
    ['https://my.example.net/knowledgebase/19/Why-we-block-port-25.html', false],
    ['https://webmail.example.edu/wmail/faq/sending.htm', false],
    ['https://example.net/account/kb/12', false],
    // An article's slug that starts with a settings word is its title, not an account area.
    ['https://www.guide.example.it/posta-elettronica/impostazioni-smtp-provider-italiani/', false],
    ['https://blog.example.fr/parametres-du-serveur-smtp-orange/', false],
    ['https://example.net/account-settings', true],
    ['https://example.net/settings-mail/identities', true],
    // A saved help page about the account dialog is a document, not the dialog; a panel's own page stays one.
    ['https://www.mailer.example.jp/mailerhelp/v3/html/preference/account/smtp_port.htm', false],
    ['https://www.clients.example.org/accounts/provider-settings.html', false],
    ['https://host.example.net:2083/cpsess1234/frontend/jupiter/mail/clientconf.html?acct=jane@example.net', true],
    ['https://mail.example.net/settings/index.html?_task=settings', true],
    // An application served from an HTML file says so in its host, its query or its fragment.
    ['https://mail.example.net/app/index.html#/settings/identities', true],
    ['https://app.example.net/client.html#/settings/identities', true],
    ['https://webmail.example.net/main.html', true],
    ['https://example.net/settings?return=/inbox.html', true],
    ['https://panel.example.net/mail/accounts/edit.php', true],
  ])('%s is an account area: %s', (url, expected) => {
    expect(isAccountUrl(url)).toBe(expected);
  });
});

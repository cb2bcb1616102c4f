/**
 * The content-script bootstrap's cheap pre-check, before the classifier is loaded: a few regular
 * expressions over the URL, title, meta description, the first headings and a bounded slice of the
 * page's text. It must say yes to every page the classifier would call an article or account page
 * (real pages often have a generic title and no heading on the subject, so the text slice is read
 * too), save one whose only sign is a bare port number (see TOPIC); saying yes to some others only
 * costs a load, but everyday words would cost it on most pages of a language, so phrases stand in
 * for them.
 * Kept free of imports so the bootstrap bundle stays small.
 */

/**
 * A web mail's identity form as its labels read in a row: a reply-to field beside a Bcc or signature field, at most one
 * word (a value) between. The reply-to words are the classifier's (reading.ts `IDENTITY_LABEL`); "firma" is a signature
 * only beside the Spanish and Italian reply-to, as it is a company in German. Words are joined by the single spaces
 * `asRead` leaves, never by `\W`, which without the "u" flag takes every kana and accented letter too: runs of such text
 * would make the pattern try its words every which way (seconds on a Japanese paragraph).
 */
const IDENTITY_ROW = [
  '(?<![a-z])(?:reply[- ]?to|antwort an|répondre à|antwoord[- ]aan|odpowiedz do|返信先):? (?:\\S{1,40} )?(?:bcc|signatur\\S{0,4}|handtekening|ondertekening|podpis|подпись|署名)(?![a-z])',
  '(?<![a-z])(?:reply[- ]?to|responder a|respuesta a|rispondi a):? (?:\\S{1,40} )?(?:bcc|firma|assinatura)(?![a-z])',
  '(?<![a-z])bcc:? (?:\\S{1,40} ){0,2}signatur\\S{0,4}',
];

/** The outgoing server, SMTP, a mail port or port 25 blocking, in the languages the classifier reads. */
const TOPIC = new RegExp(
  [
    'smtp', 'imap', 'pop3', 'outgoing (?:mail|e-?mail|server)', 'outbound (?:mail|server|port)', 'mail ?server', 'mailserver', 'saliente', 'de salida',
    'postausgang', 'ausgangsserver', 'ausgehende', 'sortant', "d'envoi", 'sa[íi]da', 'in uscita', 'uitgaand', 'entrada y (?:de )?salida',
    'wychodz', 'utgående', 'udgående', 'odchozí', 'lähtevä', 'исходящ', 'giden', 'op25b', '送信', '送受信', 'サブミッション', '発信', '外发',
    '認証が必要',
    // A port word and its number ("Port 25", "porten 25", "puerto TCP 25"), the number first ("25 portu", "25 numaralı port", "587番"),
    // or a port word and a submission port later in the sentence ("los puertos recomendados son el 587"); not "Portfolio", "Serves
    // 25 portions" or a Japanese address's "25番1号". A bare 25, 465 or 587 (which the classifier counts next to mail words) is
    // not enough here: "25 rooms" would load the classifier on half the web.
    '(?<![a-z])(?:port\\w*|puerto|porta|poort|portu|θύρα\\S*|cổng|ポート|порт\\S*)\\W{0,3}(?:tcp\\W{0,3})?(?:25|465|587|2525)(?!\\d)',
    '(?<!\\d)(?:25|465|587|2525)(?:\\W{0,3}|-ös | numaralı | nolu )port(?:u\\w*|tan|lar\\w*)?(?![a-z])', '(?<!\\d)(?:25|465|587|2525)\\s?番(?![\\d地号])',
    '(?<![a-z])(?:ports?|puertos?|portas?|poort(?:en)?|ポート|порт\\S*)(?![a-z])[^.\\n]{0,80}?(?<!\\d)(?:465|587|2525)(?!\\d)',
    // The classifier's outgoing-server names in further languages, as whole phrases: their single words also mean a departure,
    // a logout link, a weekend or shipping costs.
    'server requires authentication', 'servidor requer autenticação', 'servidor requiere autenticación', 'sending (?:mail )?server',
    'mail is sent (?:through|via)', 'same settings as (?:my|the) incoming', 'versand-?server', 'servidor\\S* (?:\\S+ ){0,2}env[íi]o',
    'correu sortint', 'servidor (?:de correu )?(?:sortint|de sortida)', 'server uscita', 'server di spedizione', 'kimenő',
    'εξερχ[οό]μεν', 'вихідн\\S* (?:пошт|сервер)', 'изходящ\\S* (?:пощ|сървър)', 'сървър\\S* за изходяща',
    'odlazn\\S* (?:pošt|server|poslužitelj)', 'poslužitelj\\S* (?:za )?odlazn', 'odhodn\\S* (?:pošt|strežnik)', 'odchádzaj\\S* (?:pošt|server)',
    'server\\S* (?:pre )?odchádzaj', 'server\\S* (?:pro )?odesílání', '(?:siunčiam|išeinanč)\\S* (?:pašto )?server', 'izejoš\\S* (?:pasta )?server',
    'väljuv\\S* (?:posti )?server', 'server(?:ul)? (?:de )?(?:ie[șşs]ire|trimitere|trimis)', 'server (?:surat |email |e-mail |mail )?keluar',
    'pelayan (?:mel )?keluar', 'máy chủ (?:hộp )?(?:thư|mail|email) (?:gửi )?đi', 'máy chủ gửi', '(?:보내는|나가는|발신) ?(?:메일 ?)?서버',
    '[وبل]?خادم (?:البريد )?(?:الصادر|الإرسال)', 'سرور (?:ایمیل |نامه )?خروجی', 'שרת (?:ה?דואר )?ה?יוצא', '(?:आउटगोइंग|जावक) (?:मेल )?सर्वर',
    'เซิร์ฟเวอร์(?:อีเมล|เมล)?ขาออก', '(?:发送|发件|发信)(?:邮件)?服务器', '(?:寄件|寄信|發信)伺服器', '外寄',
    // Mail that cannot be sent (CANNOT_SEND) or waits in the outbox: the classifier reads these as the subject too. Never a bare
    // verb of sending ("Enviar", "Envoyer" and "Odeslat" label every form's button) nor "don't hesitate to send us".
    "(?:not|n't|not able to|unable to|fail\\w* to) (?:be |being )?sen(?:d|t|ding)(?![a-z])", 'outbox',
    'keine (?:e-?)?mails? (?:mehr )?(?:senden|versenden|verschicken)', 'nicht (?:senden|versende|verschick|gesendet)',
    '(?:pas|plus) (?:à |en )?envoyer (?:\\S+ )?(?:e-?mails?|courriels?|mails?|messages)', 'mais pas (?:en )?envoyer', "impossible d'envoyer",
    'pas envoy', 'ne partent', 'no (?:\\S+ ){0,2}enviar (?:\\S+ )?(?:correos?|e-?mails?|mensajes)', 'pero no enviar',
    'no (?:puedo|se pueden?|consigo) enviar', 'não (?:consigo|é possível) enviar', 'non riesco a inviare', 'no se env', 'no salen',
    'não (?:\\S+ ){0,2}enviar (?:\\S+ )?(?:e-?mails?|mensagens|correio)', 'mas não enviar', 'não são enviad', 'não saem',
    'non (?:\\S+ ){0,3}inviare (?:\\S+ )?(?:posta|e-?mail|mail|messaggi)', 'ma non inviare', 'impossibile inviare', 'non (?:vengono|viene) inviat',
    'non partono', 'niet (?:meer )?(?:verzonden|verstuurd|verzenden|versturen)', 'geen (?:e-?)?mail\\S* (?:meer )?(?:verzenden|versturen)',
    'nie (?:mogę|można) wysłać', 'nie \\S+ wys[yłl]\\S* (?:poczt|\\S*mail|wiadomości e)', 'nie \\S+ zostać wysłan', 'nie zosta\\S* wysłan',
    '(?:nelze|nejde|nemohu) odeslat', 'не (?:могу|удается|удаётся|получается|могут) отправ', '(?:письма|сообщения|почта) не (?:уход|отправл)',
    'kan inte skicka', 'kan ikke sende', 'ei voi lähettää', 'gönderilemiyor', 'gönderemiyor', 'gönderilmiyor', 'caixa de saída',
    'postvak uit', 'skrzynka nadawcza', 'utkorgen', 'hộp thư đi(?![a-zà-ỹđ])', 'صندوق الصادر', 'علبة الصادر',
    'メール(?:が|を)?送れ', '发送失败', '无法发送', '發送失敗', '無法發送', '无法寄', '無法寄', '寄不出', '发件箱', '寄件匣',
    // The incoming server, which a mail program's set-up guide names before it comes to the outgoing one (and a page cut short
    // or a guide's first part may name alone); IMAP and POP3 are above. Phrases, as "entrada" or "gelen" alone is any entrance.
    'incoming (?:\\S+ )?server', 'eingangs-?server', 'serveur (?:\\S+ ){0,3}entrant', 'servidor\\S* (?:\\S+ ){0,2}(?:entra|recebimento)',
    'posta in (?:arrivo|entrata)', 'inkomende', 'przychodząc', 'in(?:kommande|dgående|nkommende)', 'příchozí', 'saapuva',
    'входящ\\S* (?:почт|сервер)', 'gelen (?:posta )?sunucu', '受信(?:メール)?サーバ', '(?:接收|收件)服务器',
    'serveur de réception', 'server di ricezione', 'pop[- ]?(?:server|host)', '(?:serveur|servidor|server|serwer\\S*) pop(?![a-z0-9]| up)',
    'server(?:ul)? (?:de )?(?:e-?mail )?(?:intrare|primire)', 'bejövő (?:e-?mail[- ]?)?\\S*szerver', 'bejövő levelek kiszolgáló',
    'máy chủ (?:hộp )?(?:thư|mail|email) (?:đến|nhận)', 'dolazn\\S* (?:pošt|server|poslužitelj)',
    'εισερχ[οό]μεν\\S* (?:αλληλογραφ|διακομιστ|μηνυμάτων|e-?mail)', 'διακομιστ\\S* εισερχ',
    // A mailbox's own fields, which a panel's user or mailbox edit page may show without a server word: its aliases, its quota,
    // its forwarding. As phrases: "alias" or "quota" alone is any list or plan.
    'mail[- ]?alias', 'mailbox (?:quota|size)', 'mail forward', 'mail-?weiterleitung', 'postfach-?(?:grö(?:ß|ss)e|quota)',
    // A user form's mail part as labels side by side ("E-mail", "Aliases", "Forwarders"): either word alone is a DNS or code page's.
    'aliases\\W{1,3}forwarders', 'forwarders\\W{1,3}aliases',
    'alias (?:e-?mail|de (?:correo|messagerie|courriel)|di posta)', '(?:quota|cuota|cota) (?:de (?:la )?|da |della )?(?:boîte|buzón|casella|caixa)',
    '(?:edit|add|create) (?:a )?mailbox(?![a-z]| post)',
    // A web mail's identity form, which names no server either (IDENTITY_ROW), or a reply address's own label.
    ...IDENTITY_ROW,
    // Sending as another address (vocabulary.ts `SEND_AS`): a web mail's help on it asks for the other provider's port
    // ("which port to use. Most accept 587"), past this check's reach of a port word.
    'send mail as(?! soon|ap)', 'send (?:e-?)?mail from (?:a different|another) address', 'sending (?:mail )?as another address',
    'enviar (?:correos?|mensajes?|e-?mails?) como', '(?:e-?mails?|nachrichten) senden als', 'envoyer des (?:e-?mails|messages) en tant que',
    'invia (?:messaggi|email|e-mail) come', 'e-?mails? verzenden als', 'wyślij (?:wiadomość|pocztę) jako', 'odesílat poštu jako',
    'treat as (?:an )?alias', 'als alias behandeln', 'traiter comme (?:un )?alias', 'tratar como (?:un |um )?alias',
    'considera come (?:un )?alias', 'behandelen als (?:een )?alias',
    'reply[- ]?to:? address', 'antwortadresse', 'adresse de réponse', 'dirección de respuesta', 'endereço de resposta', 'indirizzo di risposta',
    'antwoordadres',
  ].join('|'),
  // No "i" flag: asRead lower-cases the text once.
);
/**
 * Mail programs by name, as the classifier's list (vocabulary.ts `MAIL_CLIENT`) has them: a page naming two may be
 * a mail program's set-up cut short before any server word (smells.ts `clientSetup`). Phones and their systems,
 * which that list counts too, are left out: every phone shop's page names them.
 */
const MAIL_PROGRAM =
  /thunderbird|outlook|eudora|apple mail|mac mail|windows (?:live )?mail|kmail|betterbird|seamonkey|entourage|foxmail|mail ?(?:client|program)|(?:programa|cliente) de (?:correo|e-?mail)|(?:client|logiciels?) de messagerie|(?:programma|client) di posta|program\S* pocztow|poštovní (?:klient|program)|почтов\S* (?:клиент|программ)|sähköpostiohjelm|levelező ?program/g;

/** Whether the text names mail programs twice (MAIL_PROGRAM). */
function namesMailPrograms(text: string): boolean {
  MAIL_PROGRAM.lastIndex = 0;
  return MAIL_PROGRAM.test(text) && MAIL_PROGRAM.test(text);
}

const MAIL = /mail|correo|courriel|messagerie|posta|postfach|poczt|メール|почт/i;
const SETUP =
  /setting|set ?up|config|client|account|identit|pr[ée]f[ée]ren|voorkeur|param|einstell|einricht|instell|impostaz|defini[çc]|ajuste|r[ée]glage|serverdaten|konto|cuenta|compte|conta\b|casella|program|app\b|applica|android|iphone|ipad|phone|celular|m[óo]vil|handy|telefoon|ustawieni|設定|настройк/i;

/** Soft hyphens and zero-width characters: invisible, but they split the words the patterns look for. */
const INVISIBLE = /[\u00ad\u200b-\u200d\u2060\ufeff]/g;
/** Characters that read otherwise: invisible ones, typographic hyphens, full-width forms, curly apostrophes, Turkish İ. */
const UNUSUAL = /[\u00ad\u200b-\u200d\u2060\ufeff\u2010\u2011\uff01-\uff5e\u2018\u2019`´\u0130]/;
/**
 * The text as the classifier's `normalise` reads it, for what these patterns need: accents and Hangul composed (a
 * decomposed "saída" is "i" then U+0301, as macOS saves it), words whole, hyphens plain, full-width letters and digits
 * ("ＳＭＴＰ", "５８７") narrow, apostrophes straight, runs of white space (a non-breaking space, a line break in the HTML
 * source) one space, lower case. Composing costs little on text that is composed already; the rare characters are
 * looked for once before five passes replace them, and a single space is left alone: run on every one, these passes
 * cost as much as TOPIC itself.
 */
function asRead(text: string): string {
  let read = text.normalize('NFC');
  if (UNUSUAL.test(read)) {
    read = read
      .replace(INVISIBLE, '')
      .replace(/[\u2010\u2011]/g, '-')
      .replace(/[\uff01-\uff5e]/g, (char) => String.fromCharCode(char.charCodeAt(0) - 0xfee0))
      .replace(/[\u2019\u2018`´]/g, "'")
      .replace(/\u0130/g, 'i');
  }
  return read.replace(/\s{2,}|[^\S ]/g, ' ').toLowerCase();
}

const HEADING_TAGS = /^(?:h1|h2|h3|summary)$/;
const MAX_HEADINGS = 8;
/** Elements looked at for those headings: a page's first headings come early, and a miss must stay cheap. */
const MAX_ELEMENTS = 6000;
/** Characters and text nodes of the page's text read: enough for the opening of an article after its menus. */
const MAX_TEXT = 24_000;
const MAX_TEXT_NODES = 3000;
/** SHOW_ELEMENT and SHOW_TEXT, as numbers because linkedom defines no NodeFilter global. */
const SHOW_ELEMENT = 1;
const SHOW_TEXT = 4;
const NOT_TEXT = /^(?:script|style|noscript|template|svg)$/i;

/** The first MAX_TEXT characters of the page's text, without scripts and styles. */
function textSlice(document: Document): string {
  const root = document.body ?? document.documentElement;
  if (root === null) return '';
  const walker = document.createTreeWalker(root, SHOW_TEXT);
  const parts: string[] = [];
  let length = 0;
  let nodes = 0;
  for (let node = walker.nextNode(); node !== null && length < MAX_TEXT && nodes < MAX_TEXT_NODES; node = walker.nextNode()) {
    nodes += 1;
    const parent = node.parentElement;
    if (parent !== null && NOT_TEXT.test(parent.localName)) continue;
    const data = (node as CharacterData).data ?? '';
    parts.push(data.length > MAX_TEXT - length ? data.slice(0, MAX_TEXT - length) : data);
    length += data.length;
  }
  return parts.join(' ');
}

export function mightMatch(document: Document, url: string): boolean {
  const root = document.documentElement;
  if (root === null) return false;
  // Only a web address, as the classifier reads it (facts.ts): a file's path says where the page was saved.
  const parts = [/^https?:\/\//i.test(url) ? url : '', document.title];
  const walker = document.createTreeWalker(document, SHOW_ELEMENT);
  let headings = 0;
  // The meta description too comes from this walk: a stray tag in <head> makes parsers move it to <body>.
  for (let seen = 0, node = walker.nextNode(); node !== null && seen < MAX_ELEMENTS && headings < MAX_HEADINGS; seen += 1, node = walker.nextNode()) {
    const element = node as Element;
    if (element.localName === 'meta') {
      if (element.getAttribute('name') === 'description') parts.push(element.getAttribute('content') ?? '');
    } else if (HEADING_TAGS.test(element.localName) || element.getAttribute('role') === 'heading') {
      parts.push((element.textContent ?? '').slice(0, 200));
      headings += 1;
    }
  }
  const head = asRead(parts.join('\n'));
  if (TOPIC.test(head) || (MAIL.test(head) && SETUP.test(head))) return true;
  const text = asRead(textSlice(document));
  return TOPIC.test(text) || namesMailPrograms(text);
}

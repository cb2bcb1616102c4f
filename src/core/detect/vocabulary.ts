/**
 * Words the detectors share: English, Spanish, German, French, Portuguese, Italian and Dutch throughout,
 * and the phrasings of Polish, Czech, Swedish, Danish, Finnish, Russian, Turkish, Catalan, Japanese and
 * Chinese that real pages use for the outgoing server, its port and sending.
 * Every pattern runs on text that `normalise` has lower-cased, so the sources are lower case.
 * Boundaries use Unicode letter classes because `\b` does not know that "saída" is one word.
 */

/**
 * A letter or digit that belongs to the same word. Japanese and Chinese write Latin words right next
 * to their own script ("SMTPサーバー", "Postfixの設定"), so those characters do not continue a word.
 */
const WORD = '(?![\\p{sc=Han}\\p{sc=Hiragana}\\p{sc=Katakana}])[\\p{L}\\p{N}]';
const B = `(?<!${WORD})`;
const E = `(?!${WORD})`;

/**
 * The same alternation without the leading look-behind, for `countMatches`, `matchStarts` and `has`: V8 cannot skip ahead
 * through text with a pattern that starts with a look-behind and tries every alternative at every
 * position, which made these scans 3 to 6 times slower on a 64 KiB text. The start of the word is checked
 * by hand on each candidate instead (`startsWord`), which finds the very same matches.
 */
const UNANCHORED = new WeakMap<RegExp, RegExp>();

/** A global, Unicode, word-bounded alternation of the given sources. */
export function words(...sources: string[]): RegExp {
  const pattern = new RegExp(`${B}(?:${sources.join('|')})${E}`, 'gu');
  const alternatives = alternativesOf(sources);
  UNANCHORED.set(pattern, new RegExp(`(?:${asTrie(alternatives)})${E}`, 'gu'));
  ALTERNATIVES.set(pattern, alternatives);
  return pattern;
}

/** Each `words` pattern's top-level alternatives, for `scanTogether`. */
const ALTERNATIVES = new WeakMap<RegExp, readonly string[]>();

/** The sources' top-level alternatives: split at each `|` outside groups and classes. */
function alternativesOf(sources: readonly string[]): string[] {
  const found: string[] = [];
  for (const source of sources) {
    let depth = 0;
    let inClass = false;
    let start = 0;
    for (let index = 0; index < source.length; index += 1) {
      const char = source[index];
      if (char === '\\') index += 1;
      else if (inClass) inClass = char !== ']';
      else if (char === '[') inClass = true;
      else if (char === '(') depth += 1;
      else if (char === ')') depth -= 1;
      else if (char === '|' && depth === 0) {
        found.push(source.slice(start, index));
        start = index + 1;
      }
    }
    found.push(source.slice(start));
  }
  return found;
}

const SYNTAX = '\\()[].^$|?*+{}';
const QUANTIFIER = '?*+{';

/** The plain character an alternative must begin with ("o" of "outgoing"), or null ("(?:…", "[…]", "e?…"). */
function headOf(alternative: string): string | null {
  const code = alternative.codePointAt(0);
  if (code === undefined) return null;
  const head = String.fromCodePoint(code);
  const next = alternative[head.length];
  return SYNTAX.includes(head) || (next !== undefined && QUANTIFIER.includes(next)) ? null : head;
}

/** How many characters deep `asTrie` shares beginnings. */
const TRIE_DEPTH = 4;

/**
 * The same alternation with the alternatives that begin with the same character sharing it:
 * "outgoing server|outbound mail|postausgang" becomes "o(?:u(?:tgoing server|tbound mail))|postausgang".
 * V8 tries a long alternation one alternative after another at every position of the text; this way, a
 * position whose character opens no alternative costs one test, and one that does tries only its own
 * (the near-miss and word lists run over 64 KiB of text, and this made their scans several times faster).
 * It matches exactly what the plain alternation matches, and the same alternative wins: alternatives that
 * begin with different characters never both match at one place, the order within a shared beginning is
 * kept, and no alternative moves past one that does not begin with a plain character.
 */
function asTrie(alternatives: readonly string[], depth = 0): string {
  const parts: string[] = [];
  let run = new Map<string, string[]>();
  const flush = (): void => {
    for (const [head, rests] of run) {
      if (rests.length === 1) parts.push(head + rests[0]);
      else parts.push(`${head}(?:${depth + 1 < TRIE_DEPTH ? asTrie(rests, depth + 1) : rests.join('|')})`);
    }
    run = new Map();
  };
  for (const alternative of alternatives) {
    const head = headOf(alternative);
    if (head === null) {
      flush();
      parts.push(alternative);
      continue;
    }
    const rests = run.get(head) ?? [];
    rests.push(alternative.slice(head.length));
    run.set(head, rests);
  }
  flush();
  return parts.join('|');
}

const WORD_CHAR = new RegExp(`^${WORD}$`, 'u');

/** An alternation without word boundaries, for scripts that do not put spaces between words. */
export function cjk(...sources: string[]): RegExp {
  return new RegExp(`(?:${sources.join('|')})`, 'gu');
}

/** Whether nothing word-like comes right before `index` (the look-behind `B`, by hand). */
function startsWord(text: string, index: number): boolean {
  if (index === 0) return true;
  const before = text.charCodeAt(index - 1);
  const lead = index >= 2 ? text.charCodeAt(index - 2) : 0;
  const pair = before >= 0xdc00 && before <= 0xdfff && lead >= 0xd800 && lead <= 0xdbff;
  return !WORD_CHAR.test(text.slice(pair ? index - 2 : index - 1, index));
}

/** Where to look next after a candidate at `index` that did not start a word: one code point on. */
function after(text: string, index: number): number {
  const code = text.charCodeAt(index);
  return index + (code >= 0xd800 && code <= 0xdbff ? 2 : 1);
}

/** Soft hyphens and zero-width characters. */
export const INVISIBLE = /[\u00ad\u200b-\u200d\u2060\ufeff]/g;

/**
 * Text `normalise` would only lower-case: printable ASCII and line breaks, no backtick, no two spaces in a
 * row. Most labels, table cells and English text are such: one scan tells, where the whole costs seven.
 */
const NOT_PLAIN = /[^\n\x20-\x5f\x61-\x7e]| {2}/;

/** Lower case, typographic apostrophes and no-break spaces made plain, runs of blanks collapsed. */
export function normalise(text: string): string {
  if (!NOT_PLAIN.test(text)) return text.toLowerCase();
  return text
    // An accent saved as a letter plus a combining mark (a decomposed "saída": "i" then U+0301) becomes the
    // single character the word lists are written with; page text comes here composed already (text.ts),
    // titles, headings and labels not.
    .normalize('NFC')
    .replace(/[\uff01-\uff5e]/g, (char) => String.fromCharCode(char.charCodeAt(0) - 0xfee0))
    .toLowerCase()
    // Turkish dotted capital I lower-cases to "i" and a combining dot: "KİMLİK" must read "kimlik".
    .replace(/i\u0307/g, 'i')
    .replace(/[\u2019\u2018`´]/g, "'")
    // Non-breaking and typographic hyphens ("e\u2011mail" in Microsoft's pages) read as "-"; soft hyphens and
    // zero-width characters, invisible on screen, would split the words they sit in (text.ts drops them
    // before it takes offsets, so the page text keeps its positions).
    .replace(/[\u2010\u2011]/g, '-')
    .replace(INVISIBLE, '')
    .replace(/[\u00a0\u2007\u202f\t\r\f\v ]+/g, ' ');
}

export function countMatches(pattern: RegExp, text: string, limit = 50): number {
  return countMatchesWhere(pattern, text, () => true, limit);
}

/**
 * Word lists that are counted over the same long text one after another (the near-miss kinds over a
 * page's whole text) and are found together: one scan with all their alternatives lists every place
 * where one of them matches at the start of a word, and each list is then tried at those places only
 * (`countTogether`). A scan of 64 KiB costs about as much whatever the list, so a dozen lists cost
 * about one scan and a few hundred tries instead of a dozen scans. Only `words` patterns can be joined.
 */
interface Together {
  /** Any member's alternatives, then the word's end: matches wherever some member does. */
  union: RegExp;
  /** Each member's alternatives anchored where they are tried (the sticky flag), and the characters it can start with. */
  members: Map<RegExp, { sticky: RegExp; heads: ReadonlySet<number> | null }>;
  /** The last texts scanned, with the places found: where each match starts and its first character. */
  found: Array<{ text: string; starts: number[]; firsts: number[] }>;
}

const TOGETHER = new WeakMap<RegExp, Together>();
/** Texts shorter than this are scanned a list at a time: one pass over them costs little. */
const TOGETHER_FROM = 2048;
const TOGETHER_TEXTS = 2;

export function scanTogether(patterns: readonly RegExp[]): void {
  // Which alternative wins does not matter for the union, only whether one matches: those with a plain
  // first character go first, in one trie.
  const plain: string[] = [];
  const other: string[] = [];
  const members: Together['members'] = new Map();
  for (const pattern of patterns) {
    const alternatives = ALTERNATIVES.get(pattern);
    const fast = UNANCHORED.get(pattern);
    if (alternatives === undefined || fast === undefined) throw new Error(`scanTogether takes words() patterns only: ${pattern.source.slice(0, 60)}`);
    if (TOGETHER.has(pattern)) throw new Error(`scanTogether: a word list is found with one group only: ${pattern.source.slice(0, 60)}`);
    let heads: Set<number> | null = new Set();
    for (const alternative of alternatives) {
      const head = headOf(alternative);
      (head === null ? other : plain).push(alternative);
      if (head === null) heads = null;
      else heads?.add(head.codePointAt(0)!);
    }
    members.set(pattern, { sticky: new RegExp(fast.source, 'uy'), heads });
  }
  const together: Together = { union: new RegExp(`(?:${asTrie([...plain, ...other])})${E}`, 'gu'), members, found: [] };
  for (const pattern of patterns) TOGETHER.set(pattern, together);
}

/** Every place in `text` where some member of `together` matches at the start of a word. */
function placesIn(together: Together, text: string): { starts: number[]; firsts: number[] } {
  const known = together.found.find((entry) => entry.text === text);
  if (known) return known;
  const starts: number[] = [];
  const firsts: number[] = [];
  const { union } = together;
  union.lastIndex = 0;
  for (let match = union.exec(text); match !== null; match = union.exec(text)) {
    const start = match.index;
    if (startsWord(text, start)) {
      starts.push(start);
      firsts.push(text.codePointAt(start)!);
    }
    union.lastIndex = after(text, start);
  }
  union.lastIndex = 0;
  const entry = { text, starts, firsts };
  together.found.unshift(entry);
  together.found.length = Math.min(together.found.length, TOGETHER_TEXTS);
  return entry;
}

/**
 * `countMatchesWhere` for a member of `together`: the same matches, as the scan finds each next match
 * at the first place listed from where the last one ended.
 */
function countTogether(together: Together, pattern: RegExp, text: string, keep: (start: number, end: number) => boolean, limit: number): number {
  const { sticky, heads } = together.members.get(pattern)!;
  const { starts, firsts } = placesIn(together, text);
  let count = 0;
  let from = 0;
  for (let index = 0; index < starts.length && count < limit; index += 1) {
    const start = starts[index]!;
    if (start < from || (heads !== null && !heads.has(firsts[index]!))) continue;
    sticky.lastIndex = start;
    const match = sticky.exec(text);
    if (match === null) continue;
    const end = start + match[0].length;
    if (keep(start, end)) count += 1;
    from = end === start ? start + 1 : end;
  }
  sticky.lastIndex = 0;
  return count;
}

/** `countMatches`, counting only the matches `keep` accepts (given where each starts and ends). */
export function countMatchesWhere(pattern: RegExp, text: string, keep: (start: number, end: number) => boolean, limit = 50): number {
  const together = text.length >= TOGETHER_FROM ? TOGETHER.get(pattern) : undefined;
  if (together !== undefined) return countTogether(together, pattern, text, keep, limit);
  const fast = UNANCHORED.get(pattern);
  const scan = fast ?? pattern;
  scan.lastIndex = 0;
  let count = 0;
  while (count < limit) {
    const match = scan.exec(text);
    if (match === null) break;
    if (fast && !startsWord(text, match.index)) {
      scan.lastIndex = after(text, match.index);
      continue;
    }
    if (keep(match.index, match.index + match[0].length)) count += 1;
    if (match[0] === '') scan.lastIndex += 1;
  }
  scan.lastIndex = 0;
  return count;
}

/**
 * Where the first `limit` matches of a global pattern start. A `words` pattern is scanned the fast way
 * `countMatchesWhere` scans it (no look-behind, the start of the word checked by hand): the same matches.
 */
export function matchStarts(pattern: RegExp, text: string, limit = 50): number[] {
  const starts: number[] = [];
  countMatchesWhere(pattern, text, (start) => {
    starts.push(start);
    return true;
  }, limit);
  return starts;
}

export function has(pattern: RegExp, text: string): boolean {
  return countMatches(pattern, text, 1) > 0;
}

/** Names for the outgoing server ("Outgoing server (SMTP)", "Postausgangsserver", "serveur sortant"...). */
export const OUTGOING_SERVER = words(
  "outgoing (?:(?:mail|e-?mail) )?(?:server|smtp|port|\\(smtp\\))", 'outgoing (?:e-?)?mail',
  // A mail program's own name for the page that holds the server ("tap Outgoing settings"): on the train and validation pages
  // it stands on nine articles and no other page.
  'outgoing settings(?<!firewall outgoing settings)',
  'outbound (?:(?:mail|e-?mail) )?(?:server|smtp)', 'outbound (?:e-?)?mail(?!s? (?:campaigns?|marketing|sequences?|outreach))',
  // Outlook's and Outlook Express's check box on the outgoing server, in the versions that do not say "outgoing".
  'my server requires authentication', 'meu servidor requer autenticação', 'mi servidor requiere autenticación',
  'use (?:the )?same settings as (?:my|the) incoming (?:mail )?server',
  'sending (?:mail )?server',
  '(?:mail|e-?mail) is sent (?:through|via)',
  'smtp[- ]?(?:server|servers|host|hostname|server name|settings?|port)',
  'servidor(?:es)? (?:de (?:correo |email |e-mail |e-mails )?)?(?:saliente|salida|envío|envio|saída|saida)',
  'servidor (?:de (?:e-?mail|correio) )?de (?:saída|saida)',
  'servidor smtp',
  'correo saliente',
  'puerto smtp',
  'postausgangs?-?server',
  'postausgang \\(smtp\\)',
  'postausgangs?-server \\(smtp\\)',
  'ausgangsserver',
  'servers? für ausgehende (?:e-?mails?|nachrichten|post)', 'ausgehende[nr]? (?:e-?mails?|post|nachrichten)(?:-?server)?',
  // The server itself, the adjective inflected ("für den ausgehenden Mailserver", "Ausgehender Server"), not its connections.
  'ausgehende[nrs]? (?:(?:e-?)?mail[- ]?)?servers?(?!-)',
  'versand-?server', 'smtp-server\\p{L}*',
  'smtp-port',
  'serveur (?:de (?:courrier|messagerie) )?sortant',
  "serveur (?:d'|de )envoi",
  'serveur smtp',
  'courrier sortant', '(?:e-?mails?|messages?|courriels?) sortants?',
  'porta smtp',
  'server (?:della |di )?posta in uscita',
  'server (?:in )?uscita',
  'server smtp',
  'posta in uscita', 'posta in partenza', 'server (?:della |di )?posta in partenza',
  'uitgaande (?:mail|e-?mail)?-? ?server',
  'server voor uitgaande (?:e-?)?mail',
  'uitgaande (?:e-?)?mail',
  'serwer(?:a|ze)? (?:poczty )?wychodzącej', 'serwer(?:a|ze)? wychodząc\\p{L}*', 'poczt\\p{L}* wychodząc\\p{L}*', 'serwer(?:a|ze)? smtp',
  'utgående (?:e-?post(?:server)?|server|smtp)', 'udgående (?:mail|e-?mail|server)\\p{L}*', 'utgående e-?post',
  'server (?:pro )?odchozí pošt\\p{L}*', 'odchozí (?:server|pošt\\p{L}*)', 'lähtevä (?:posti|palvelin)',
  'servidor (?:de correu )?(?:sortint|de sortida)', 'correu sortint',
  'сервер\\p{L}* исходящей почты', 'исходящ\\p{L}* (?:почты|сервер\\p{L}*)', 'smtp-сервер\\p{L}*',
  'giden (?:posta )?sunucu\\p{L}*', 'kimenő (?:e-?mail[- ]?)?\\p{L}*szerver\\p{L}*', 'kimenő levelek kiszolgáló\\p{L}*', 'server de (?:e-?mail )?trimis', 'εξερχ[οό]μεν\\p{L}*',
  // Incoming and outgoing named together, the server word said once: "serwerów poczty przychodzącej i
  // wychodzącej", "saapuvan ja lähtevän postin", "servidores de entrada y salida".
  'poczt\\p{L}* przychodząc\\p{L}* i wychodząc\\p{L}*', 'wychodząc\\p{L}* poczt\\p{L}*',
  'server för utgående (?:e-?post|mejl|post)', 'utgående (?:mejl|postserver)\\p{L}*',
  'odchádzajúc\\p{L}* (?:pošt\\p{L}*|server\\p{L}*)', 'server\\p{L}* (?:pre )?odchádzajúc\\p{L}*',
  'lähtevän (?:(?:sähkö)?postin )?palveli\\p{L}*', 'saapuvan ja lähtevän (?:(?:sähkö)?postin|palveli\\p{L}*)',
  'servidor(?:es)? de (?:correo )?(?:de )?(?:entrada y (?:de )?salida|entrante y saliente)', 'serveurs? (?:de (?:courrier|messagerie) )?entrants? et sortants?',
  'server (?:di posta )?in entrata e (?:in )?uscita', 'servidor(?:es)? de entrada e (?:de )?saída', 'inkomende en uitgaande (?:mail|e-?mail)?-? ?server\\p{L}*',
  'ein- und ausgehende\\p{L}* (?:e-?mail-?|mail-?)?server', 'inkommande och utgående (?:e-?post|mejl|server)\\p{L}*',
  'indgående og udgående (?:e-?mail|mail|server)\\p{L}*', 'innkommende og utgående (?:e-?post|server)\\p{L}*',
  // Further languages' names for the outgoing server, and SMTP server with the word order or ending they use.
  'server di spedizione', 'server(?:ul)? (?:de )?(?:ie[șş]ire|iesire|trimitere)', 'serverul smtp', 'smtp sunucu\\p{L}*', 'сервер\\p{L}* smtp',
  'сервер\\p{L}* вихідної пошти', 'вихідн\\p{L}* (?:пошти|сервер\\p{L}*)', 'сървър\\p{L}* за изходяща поща', 'изходящ\\p{L}* (?:поща|сървър\\p{L}*)',
  'odlazn\\p{L}* (?:pošt\\p{L}*|server\\p{L}*|poslužitelj\\p{L}*)', 'poslužitelj\\p{L}* (?:za )?odlazn\\p{L}*', 'odhodn\\p{L}* (?:pošt\\p{L}*|strežnik\\p{L}*)',
  '(?:siunčiam|išeinanči)\\p{L}* (?:pašto )?server\\p{L}*', 'izejoš\\p{L}* (?:pasta )?server\\p{L}*', 'väljuv\\p{L}* (?:posti )?server\\p{L}*',
  'server (?:surat |email |e-mail |mail )?keluar', 'pelayan (?:mel )?keluar', 'máy chủ (?:hộp )?(?:thư|mail|email) (?:gửi )?đi', 'máy chủ gửi (?:thư|mail|email)', 'máy chủ smtp',
  '(?:보내는|나가는|발신) ?(?:메일 ?)?서버\\p{L}*', 'smtp 서버\\p{L}*', '[وبل]?خادم (?:البريد )?(?:الصادر|الإرسال)', '[وبل]?خادم smtp',
  'سرور (?:ایمیل |نامه )?خروجی', 'ה?שרת (?:ה?דואר )?ה?יוצא',
  '(?:आउटगोइंग|जावक) (?:मेल )?सर्वर', 'smtp सर्वर',
  // "SMTP settings" and the outgoing port, in the languages' own word order. Not "puerto de salida" or
  // "porta di uscita": an exit door and a router's output port read the same.
  'smtp-einstellung\\p{L}*', '(?:paramètres|configuration|réglages) smtp', "port (?:sortant|d'envoi)", 'impostazioni smtp',
  'configuraci(?:ón|ones) (?:del? )?smtp', 'configuraç(?:ão|ões) (?:do |de )?smtp', 'ustawienia smtp', 'port(?:u)? smtp',
  'nastavení smtp', 'server\\p{L}* (?:pro )?odesílání', 'smtp-instellingen', 'smtp-inställningar', 'настройк\\p{L}* smtp', 'ρυθμ[ιί]σε\\p{L}* smtp',
  'διακομιστ\\p{L}* smtp', 'smtp ayarlar\\p{L}*', 'smtp[- ](?:szerver\\p{L}*|beállítás\\p{L}*)',
);

/**
 * Japanese and Chinese write words without spaces, so these have no word boundaries (see `cjk`).
 * Outgoing server, submission port, OP25B and SMTP authentication.
 */
const CJK_OUTGOING_SERVER_FORMS = [
  '送信(?:メール)?サーバ', '送信\\s?\\(smtps?\\)\\s?(?:メール)?サーバ', '送信用サーバ', '発信サーバ', '发送服务器', '发件服务器', '外发服务器', '寄件伺服器',
  'smtp\\s?(?:サーバ|服务器|伺服器|服務器)', '外寄(?:郵件)?伺服器', '发信服务器', '發信伺服器', '寄信伺服器', '发送邮件服务器',
  // Thai writes without spaces too.
  'เซิร์ฟเวอร์(?:อีเมล|เมล)?ขาออก', 'เซิร์ฟเวอร์\\s?smtp',
  // Korean "SMTP서버" written together, which OUTGOING_SERVER's word boundary refuses; its spaced forms and
  // "보내는 메일 서버" are there, and a phrase in both lists would count twice.
  'smtp서버',
];
/** The outgoing server's names among CJK_OUTGOING: where a settings line's host follows. */
export const CJK_OUTGOING_SERVER = cjk(...CJK_OUTGOING_SERVER_FORMS);
export const CJK_OUTGOING = cjk(
  ...CJK_OUTGOING_SERVER_FORMS,
  '送信\\(smtp\\)', '送信ポート', 'サブミッションポート', 'op25b', '外向(?:け)?25', 'このサーバーは認証が必要', '送信メール', 'smtp認証', 'smtp-auth',
  'smtp\\s?(?:ポート|設定|设置|端口|埠)',
);
export const CJK_INCOMING = cjk(
  '受信(?:メール)?サーバ', '受信\\s?\\((?:pop3?|imap4?)\\)\\s?(?:メール)?サーバ', 'pop3?サーバ', 'imapサーバ', '接收服务器', '收件服务器', '接收邮件服务器', '收信服务器', '內送(?:郵件)?伺服器', '收件伺服器',
  '(?:pop3?|imap)\\s?(?:服务器|伺服器|服務器)', 'เซิร์ฟเวอร์(?:อีเมล|เมล)?ขาเข้า',
);
/** A server or a port in a label written without spaces ("メールサーバー", "端口号"). */
export const CJK_SERVER = cjk('サーバ', 'ホスト名', '服务器', '伺服器', '服務器', '主机名', '主機名稱', 'เซิร์ฟเวอร์');
/**
 * "Host" alone as Japanese, Chinese and Korean label a server's field, or after a mail word ("ホスト",
 * "電郵主機", "메일 호스트"): the whole label, as the same words run into others ("代替ホスト", an alternative
 * host of a meeting; "主機板", a motherboard; "ローカルホスト").
 */
export const CJK_BARE_HOST = /^(?:smtp|メール|送信|郵件|邮件|電郵|电邮|電子郵件|电子邮件|发件|發件|메일|보내는 메일)?\s*(?:ホスト|主机|主機|호스트)(?:名|名稱|アドレス|地址)?\s*[*:：]?\s*$/i;
export const CJK_PORT_WORD = cjk('ポート', '端口', '連接埠', '埠號', 'พอร์ต');
/** The security and the authentication choice in a label written without spaces ("送信サーバーの暗号化"). */
export const CJK_SECURITY = cjk('暗号化', '加密', 'セキュリティ', '接続の保護', '安全连接', '安全連線', '安全類型', '安全类型');
export const CJK_AUTH = cjk('認証', '身份验证', '验证方式', '認證');
/** A code to type in, written without spaces ("認証コード", "验证码"): a verification field, not a setting. */
export const CJK_CODE = cjk('コード', '验证码', '驗證碼', '校验码', '인증번호');
/**
 * "25番ポート", "ポート25", "587番", "ポート番号 587": the port number a Japanese page names; and a Korean
 * one's "25번 포트", "포트 번호 587".
 */
export const CJK_PORT = /(?:ポート|포트|พอร์ต)(?: ?(?:番号|번호))?[^\d\n]{0,10}?(\d{2,5})(?!\d)|(?<!\d)(\d{2,5})\s?(?:番|번)(?:ポート| ?포트)?/gu;
export const CJK_BLOCKED = cjk('ブロック', '規制', '制限', '遮断', '封锁', '封鎖', '屏蔽', '차단', 'บล็อก', 'ปิดกั้น');
export const CJK_STEP = cjk('クリック', 'タップ', '選択し', '入力し', '開き', 'チェックを', '点击', '选择', '輸入', '输入');
export const CJK_MAIL_CLIENT = cjk('メールソフト', 'メーラー', 'メールクライアント', 'メールアプリ', '邮件客户端', '郵件軟體', '邮箱客户端', '郵件用戶端', '郵件客戶端', '邮件软件', '收发邮件软件');
export const CJK_SETTINGS = cjk('設定', '设置', 'アカウント');

/** Names for the incoming server, so that a port next to them is not taken for the outgoing one. */
export const INCOMING_SERVER = words(
  'incoming (?:(?:mail|e-?mail) )?(?:server|\\(imap\\)|\\(pop3?\\))',
  'imap[- ]?(?:server|host|setting|settings)',
  'pop3?[- ]?(?:server|host|setting|settings)',
  'servidor(?:es)? (?:de (?:correo )?)?(?:entrante|entrada|recebimento)',
  'servidor (?:imap|pop3?)',
  'correo entrante',
  'posteingangs?-?server',
  'posteingang \\((?:imap|pop3?)\\)',
  'eingangsserver',
  'serveur (?:de (?:courrier|messagerie) )?entrant',
  'serveur (?:imap|pop3?)',
  'serveur de réception',
  'server (?:della |di )?posta in (?:arrivo|entrata)',
  'server in (?:arrivo|entrata)',
  'server (?:imap|pop3?)',
  'inkomende (?:mail|e-?mail)?-? ?server',
  'server voor inkomende (?:e-?)?mail',
  'serwer(?:a|ze)? (?:poczty )?przychodzącej', 'serwer(?:a|ze)? (?:imap|pop3?)', 'poczt\\p{L}* przychodząc\\p{L}*',
  'inkommande (?:e-?post(?:server)?|server)', 'indgående (?:mail|server)\\p{L}*', 'innkommende (?:e-?post|server)',
  'server (?:pro )?příchozí pošt\\p{L}*', 'příchozí (?:server|pošt\\p{L}*)', 'saapuvan (?:postin )?palvelin',
  'сервер\\p{L}* входящей почты', 'входящ\\p{L}* (?:почты|сервер\\p{L}*)', 'gelen (?:posta )?sunucu\\p{L}*',
  // Every language OUTGOING_SERVER reads names the incoming server too; without its name here, the outgoing
  // server's window runs on into "Server de intrare: imap.example.ro" and takes that host for the outgoing one.
  'server för inkommande (?:e-?post|mejl|post)', 'servers? für eingehende (?:e-?mails?|nachrichten|post)', 'eingehende[nrs]? (?:(?:e-?)?mail[- ]?)?servers?(?!-)',
  'server di ricezione', 'server\\p{L}* (?:pro )?příjem\\p{L}*',
  "servidor (?:de correu )?(?:entrant|d'entrada)", 'correu entrant',
  'διακομιστ\\p{L}* εισερχ[οό]μεν\\p{L}*', 'εισερχ[οό]μεν\\p{L}* (?:αλληλογραφ\\p{L}*|διακομιστ\\p{L}*|μηνυμάτων|e-?mail)',
  'server(?:ul)? (?:de )?(?:e-?mail )?(?:intrare|primire)', 'serverul (?:imap|pop3?)',
  'bejövő (?:e-?mail[- ]?)?\\p{L}*szerver\\p{L}*', 'bejövő levelek kiszolgáló\\p{L}*',
  'dolazn\\p{L}* (?:pošt\\p{L}*|server\\p{L}*|poslužitelj\\p{L}*)', 'poslužitelj\\p{L}* (?:za )?dolazn\\p{L}*',
  'dohodn\\p{L}* (?:pošt\\p{L}*|strežnik\\p{L}*)', 'strežnik\\p{L}* za dohodn\\p{L}*',
  'prichádzajúc\\p{L}* (?:pošt\\p{L}*|server\\p{L}*)', 'server\\p{L}* (?:pre )?prichádzajúc\\p{L}*',
  'сервер\\p{L}* вхідної пошти', 'вхідн\\p{L}* (?:пошти|сервер\\p{L}*)', 'сървър\\p{L}* за входяща поща', 'входящ\\p{L}* (?:поща|сървър\\p{L}*)',
  '(?:gaunam|įeinanč)\\p{L}* (?:pašto )?server\\p{L}*', 'ienākoš\\p{L}* (?:pasta )?server\\p{L}*', 'sissetulev\\p{L}* (?:posti )?server\\p{L}*',
  'server (?:surat |email |e-mail |mail )?masuk', 'pelayan (?:mel )?masuk', 'máy chủ (?:hộp )?(?:thư|mail|email) (?:đến|nhận)', 'máy chủ nhận (?:thư|mail|email)',
  '(?:받는|들어오는|수신) ?(?:메일 ?)?서버\\p{L}*', '[وبل]?خادم (?:البريد )?(?:الوارد|الاستلام|الاستقبال)',
  'سرور (?:ایمیل |نامه )?(?:ورودی|دریافتی)', 'ה?שרת (?:ה?דואר )?ה?נכנס', '(?:इनकमिंग|आवक) (?:मेल )?सर्वर',
  // "POP3 сървър", "IMAP-Server" in the languages whose own word for server follows or precedes the protocol.
  '(?:imap|pop3?)[- ]?(?:сървър|сервер|szerver|sunucu|palvelin|poslužitelj|strežnik|διακομιστ)\\p{L}*',
  '(?:сървър|сервер|διακομιστ)\\p{L}* (?:imap|pop3?)',
);

/** SMTP, and the "SMTPAUTH" some providers write as one word (a settings row, a host smtpauth.example.ch). */
export const SMTP = words('smtps?', 'smtpauths?');

/** Which way a label points when it does not name a whole server ("Outgoing", "SMTP Port", "Postausgang"). */
export const OUTGOING_DIRECTION = words(
  'outgoing', 'outbound', 'smtps?', 'saliente', 'salida', 'envío', 'envio', 'postausgangs?\\p{L}*', 'ausgangs\\p{L}*',
  'ausgehende?n?', 'sortant', 'envoi', "d'envoi", 'saída', 'saida', 'uscita', 'uitgaande?',
  'wychodząc\\p{L}*', 'utgående', 'udgående', 'odchozí', 'lähtevä\\p{L}*', 'исходящ\\p{L}*', 'giden', '送信',
  'sortint', 'εξερχ[οό]μεν\\p{L}*', 'kimenő', 'odlazn\\p{L}*', 'odhodn(?:a|e|i|o|ega|em|ih)', 'odchádzajúc\\p{L}*',
  'вихідн\\p{L}* пошт\\p{L}*', 'изходящ\\p{L}*', 'siunčiam\\p{L}*', 'izejoš\\p{L}*', 'väljuv\\p{L}*', '보내는 메일', 'البريد الصادر', 'דואר יוצא',
  'trimitere', 'surat keluar', 'thư đi', '发送', '發送', '外寄',
);
export const INCOMING_DIRECTION = words(
  'incoming', 'inbound', 'imaps?', 'pop3?', 'entrante', 'entrada', 'posteingangs?\\p{L}*', 'eingangs\\p{L}*',
  'eingehende?n?', 'entrant', 'réception', 'recebimento', 'arrivo', 'entrata', 'inkomende?',
  'przychodząc\\p{L}*', 'inkommande', 'indgående', 'innkommende', 'příchozí', 'saapuva\\p{L}*', 'входящ\\p{L}*', 'gelen', '受信',
  'εισερχ[οό]μεν\\p{L}*', 'primire', 'bejövő', 'dolazn\\p{L}*', 'dohodn(?:a|e|i|o|ega|em|ih)', 'prichádzajúc\\p{L}*',
  'вхідн\\p{L}* пошт\\p{L}*', 'gaunam\\p{L}*', 'ienākoš\\p{L}*', 'sissetulev\\p{L}*', '받는 메일', 'البريد الوارد', 'דואר נכנס',
  'surat masuk', 'thư đến', '接收', '內送',
);

export const SERVER_WORD = words(
  'server', 'servers', 'servidor', 'serveur', 'host', 'hostname', 'host name', "nom d'hôte", 'servername', 'server-name',
  'nombre del servidor', 'nome do servidor', 'nome server', 'serveradres', 'serveur smtp', 'hôte',
  // "Server" in the further languages whose labels are read: the word a bare server field is labelled with.
  'serwer(?:a|ze)?', 'server(?:en|n|ul|u|is|i|a)', 'servidors', 'palvelin', 'sunucu(?:su)?', 'szerver\\p{L}*', 'kiszolgáló\\p{L}*',
  'poslužitelj\\p{L}*', 'strežnik\\p{L}*', 'διακομιστ\\p{L}*', 'сервер\\p{L}*', 'сървър\\p{L}*', 'máy chủ', '서버', 'خادم', 'سرور', 'שרת', 'सर्वर',
  'nazwa serwera', 'název serveru', 'имя сервера',
  // "Host" as those languages label a server's field ("Hostitel", "Nazwa hosta", "Почтовый хост", "Posta hostu"); "хостинг" is no host.
  'host(?:a|em|u|un|ite[lľ]\\p{L}*)', 'хост(?:а|у|ом)?', 'servernaam',
);
export const PORT_WORD = words(
  'ports?', 'server-port', 'puertos?', 'portas?', 'porte', 'poort(?:en)?', 'poortnummer', 'portnummer', 'port number', 'portu', 'porty',
  'porten', 'portti', 'порт\\p{L}*', 'ポート(?:番号)?', '端口', '連接埠',
  'portul', 'portin', 'porttia', 'portszám', 'bağlant[ıi] noktas[ıi]', 'θύρα\\p{L}*', 'cổng', 'prievad\\p{L}*', '포트', '[وبل]?(?:ال)?منفذ', 'پورت', 'פורט', 'पोर्ट',
);
export const SECURITY_WORD = words(
  'security', 'security type', 'security policy', 'encryption(?: method)?', 'encrypted connection', 'secure connection',
  'connection security', 'verschlüsselung', 'verbindungssicherheit', 'transportsicherheit', 'sicherheit', 'cifrado', 'seguridad',
  'conexión cifrada', 'tipo de conexión', 'chiffrement', 'cryptage', 'sécurité', 'connexion chiffrée', 'segurança',
  'criptografia', 'tipo de segurança', 'crittografia', 'sicurezza', 'beveiliging', 'beveiligingstype', 'versleuteling',
  'encryptie', 'tipo di connessione', 'ssl', 'tls', 'ssl/tls', 'szyfrowanie', 'zabezpieczenia', 'kryptering', 'säkerhet', 'šifrování',
  'шифрование', 'безопасность', '暗号化', 'セキュリティ', '接続の保護', '加密', '安全',
);
/**
 * The security field's label in the further languages whose server and port labels are read, and words
 * that mean encryption only in a field's label (Spanish "codificación" is a text's encoding in prose).
 * Read in labels and table keys only: in running text, words like "güvenlik" or "보안" are about anything secure.
 */
export const SECURITY_LABEL = words(
  'codificación', 'bezpieczeństwo', 'zabezpečení', 'zabezpečenie', 'bezpečnost', 'bezpečnosť', 'sikkerhed', 'sikkerhet', 'suojaus', 'salaus',
  'шифрування', 'безпека', 'безопасност', 'криптиране', 'güvenli(?:k|ğ\\p{L}*)', 'şifreleme', 'ασφάλεια', 'κρυπτογράφηση', 'securitate', 'criptare',
  'biztonság', 'titkosítás', 'sigurnost', 'šifriranje', 'varnost', 'keamanan', 'enkripsi', 'bảo mật', 'mã hóa',
  '보안', '암호화', 'الأمان', 'التشفير', 'אבטחה', 'הצפנה', 'امنیت', 'رمزگذاری', 'सुरक्षा', 'ความปลอดภัย',
  // "Secure connection" and "encryption" as mail programs' dialogs label the choice.
  'cifratura', 'connexion sécurisée', 'sichere verbindung', 'connessione sicura', 'conexión segura', 'conexão segura',
  'bezpieczne połączenie', 'beveiligde verbinding', 'säker anslutning', 'zabezpečené připojení', 'защищ[её]нное соединение',
  'безопасное (?:подключение|соединение)',
);
export const AUTH_WORD = words(
  'authentication(?: method)?', 'smtp authentication', 'authentifizierung(?:smethode)?', 'autenticación', 'autenticacion',
  'método de identificación', 'authentification', 'autenticação', 'autenticazione', 'authenticatie', 'verificatie',
  'require sign-in', 'requires? authentication', 'login method', 'metodo di autenticazione',
  'uwierzytelni\\p{L}*', 'autentisering', 'autentificering', 'ověřování', 'tunnistautu\\p{L}*', 'аутентификаци\\p{L}*',
  'smtp-auth', 'smtp auth', 'smtp認証', '認証',
  'autentificaci(?:ón|on)', 'authentisierung', 'authentifi\\p{L}*', 'smtp-авторизаци\\p{L}*', 'авторизаци\\p{L}* smtp', 'проверк\\p{L}* подлинности',
  'kimlik doğrulama\\p{L}*', 'autentizac\\p{L}*', 'vyžaduje ověření', 'todennu\\p{L}*',
  // Slovak, Greek, Norwegian, Danish, Romanian and Hungarian.
  'overovani\\p{L}*', 'overeni\\p{L}*', 'autentifikáci\\p{L}*', 'έλεγχο\\p{L}* ταυτότητας', 'πιστοποίηση\\p{L}*', 'godkjenning',
  'godkendelse', 'autentificare', 'hitelesítés\\p{L}*',
);
/** A code the page asks for ("güvenlik kodu", "인증 코드", "קוד אימות"): a verification or CAPTCHA field, not a setting. */
export const CODE_LABEL = words('codes?', 'kod\\p{L}*', 'код\\p{L}*', 'kód\\p{L}*', 'captcha', '코드', '번호', 'קוד', 'mã', 'pin', 'otp');
/** The authentication field's label in further languages, read in labels and table keys only (see SECURITY_LABEL). */
export const AUTH_LABEL = words(
  'автентифікаці\\p{L}*', 'удостоверяване', 'autentifikacij\\p{L}*', 'provjera autentičnosti', 'overjanje', 'autentikasi', 'xác thực',
  '인증', 'المصادقة', 'אימות', 'احراز هویت', 'autentifikavim\\p{L}*', 'autentifikācij\\p{L}*',
);
export const USER_WORD = words(
  'user ?name', 'username', 'login', 'benutzername', 'nombre de usuario', 'usuario', "nom d'utilisateur", 'identifiant',
  'utilizador', 'usuário', 'nome utente', 'gebruikersnaam',
  // The login's label in the other languages of the products' language files and the corpus.
  'nazwa użytkownika', 'uživatelské jméno', 'používateľské meno', 'имя пользователя', 'логин', 'användarnamn',
  'brugernavn', 'brukernavn', 'käyttäjätunnus', 'kullanıcı adı', 'felhasználónév', 'όνομα χρήστη', 'nume de utilizator',
  'korisničko ime', 'uporabniško ime', 'ім\'я користувача', 'потребителско име', 'tên người dùng', 'nama pengguna',
);
/** The same in Japanese, Chinese and Korean, written without spaces: "ユーザー名", "用户名", "사용자 이름". */
export const CJK_USER = cjk('ユーザー?名', 'ユーザー?ID', 'ログイン(?:名|ID)', 'アカウント名', '用户名', '使用者名稱', '用戶名', '帐号', '帳號', '账号', '사용자 ?이름', '아이디');

/** Submission ports (RFC 6409, RFC 8314), the relay port 25, and the common 2525. */
export const MAIL_PORT = /(?<!\d|\d[.:])(25|465|587|2525)(?!\d|[.:]\d)/g;
export const ANY_PORT_NUMBER = /(?<!\d|\d[.:])(\d{2,5})(?!\d|[.:]\d)/g;

/** "port 587", "puerto 465", "Port: 25", "porta SMTP 465", "SMTP Port: 465", and "Port587" run together. */
export const PORT_WITH_NUMBER = new RegExp(
  `${B}(?:ports?|puertos?|portas?|porte|poort|server-port|portu|porten|portti|порт\\p{L}*)(?:${E}|(?=\\d))[^\\d\\n]{0,24}?(?<!\\d)(\\d{2,5})(?!\\d)`,
  'gu',
);

export const STARTTLS = words('starttls', 'start tls', 'start-tls');
export const IMPLICIT_TLS = words('ssl/tls', 'tls/ssl', 'ssl', 'smtps', 'implicit tls');
export const PLAIN_TLS = words('tls');
export const NO_SECURITY = words('none', 'keine', 'ninguna', 'ninguno', 'aucune?', 'nenhuma', 'nessuna', 'geen', 'unencrypted');

/** First labels of a host that sends mail ("smtp.", "mail.", "relay."), as a regular-expression alternation. */
export const SENDING_LABEL = 'smtps?|mail|mx|out(?:bound|going)?|send|relay|securesmtp|asmtp|authsmtp|submission';

export const HOSTNAME =
  /(?<![\p{Script=Latin}\p{N}@.\-_/])(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.){1,6}[a-z]{2,24}(?![\p{Script=Latin}\p{N}@\-_]|\.[a-z0-9])/gu;
export const EMAIL_ADDRESS = /[a-z0-9._%+-]+@(?:[a-z0-9-]+\.)+[a-z]{2,24}/;

/**
 * Headlines about setting up mail in general ("Configure your e-mail on your phone", "Parametri della
 * posta", "Instellingen voor je mailprogramma"): a mail word and a set-up word.
 */
export const MAIL_WORD = words(
  'e-?mails?', 'mail', 'mailbox', 'webmail', 'correo', 'courriel', 'messagerie', 'posta', 'postfach', 'mailprogramm\\p{L}*',
  'mailprogramma', 'e-mailprogramma', 'e-mail-programm\\p{L}*', 'mailinstellingen',
);
export const SETUP_WORD = words(
  'settings?', 'set ?up', 'setup', 'configur\\p{L}*', 'parameters', 'paramètres', 'parámetros', 'parâmetros', 'parametri',
  'einstellungen', 'einrichten', 'serverdaten', 'instellingen', 'instellen', 'impostazioni', 'definições', 'ajustes',
  'réglages', 'mailprogramm\\p{L}*', 'mailprogramma', 'e-mailprogramma', 'mailinstellingen', 'programs?', 'programas?',
  'programmes?', 'logiciels?', 'clients?', 'apps?', 'aplicativo', 'application', 'applicazione', 'android', 'iphone',
  'ipad', 'phone', 'celular', 'móvil', 'handy', 'smartphone', 'telefoon', 'telemóvel',
);

/** Mail programs by name and the generic words for one. */
export const MAIL_CLIENT = words(
  'outlook', 'thunderbird', 'apple mail', 'mail app', 'iphone', 'ipad', 'ios', 'android', 'samsung email',
  'em client', 'windows live mail', 'windows mail', 'betterbird',
  'e-?mail (?:client|program|programme|app|application|software)s?', 'mail (?:client|program|programme)s?',
  'programa de (?:correo|e-?mail)', 'cliente de (?:correo|e-?mail)', 'e-mail-programm\\p{L}*', 'mailprogramm\\p{L}*',
  'logiciels? de messagerie', 'client de messagerie', 'programma di posta', 'client di posta', 'app (?:di )?posta',
  'mailprogramma', 'e-mailprogramma', 'aplicativo de e-?mail', 'aplicação de e-?mail',
  'program\\p{L}* pocztow\\p{L}*', 'klient\\p{L}* poczty', 'e-postprogram\\p{L}*', 'e-postklient\\p{L}*',
  'poštovní klient\\p{L}*', 'почтов\\p{L}* (?:клиент|программ)\\p{L}*', 'the bat', 'mailbird', 'k-9 mail',
  'emailprogramm\\p{L}*', 'e-?posta istemci\\p{L}*', 'posta programı', 'e-?mail[- ](?:programm|software|client)\\p{L}*',
  'netscape', 'eudora', 'microsoft entourage', 'seamonkey', 'kmail', 'sylpheed', 'claws mail', 'becky! internet mail', 'opera mail', 'incredimail',
  'foxmail', 'mac mail', 'mail\\.app', 'mozilla mail',
  // Mail programs of the last decade, named on their own help pages and in guides that list programs (BlueMail the
  // program, not Swisscom's bluemail.ch addresses).
  'fairemail', 'mailspring', 'bluemail(?!\\.ch)', 'aqua ?mail', 'geary', 'neomutt', 'mailmate', 'canary mail', 'spark mail', 'evolution mail',
  // Mail program in further languages.
  '(?:sähkö)?postiohjelm\\p{L}*', 'e-?mail-?program(?:met)?', 'mailprogram(?:met)?', 'levelező ?program\\p{L}*', 'levelező kliens\\p{L}*',
  'poštovní program\\p{L}*', 'poštov\\p{L}* (?:klient|program)\\p{L}*', 'poštni odjemal\\p{L}*', 'klijent\\p{L}* (?:za )?e-?pošt\\p{L}*',
  'πρόγραμμα (?:ηλεκτρονικού ταχυδρομείου|e-?mail|email)', 'client(?:ul)? de e-?mail', 'program(?:ul)? de e-?mail', 'programa de correu',
  'klien email', 'aplikasi email', 'ứng dụng (?:email|thư)', 'phần mềm (?:email|thư)', '(?:이메일|메일) ?(?:클라이언트|프로그램|앱)\\p{L}*',
  // Apple's program is called just "Mail": "Mail on Mac", "in der App Mail", "v aplikaci Mail", "Mail-appen".
  'mail(?:u|a|e|em)? (?:on|auf dem|für|sur|pour|en el|para|no|na|su|per|op|voor|på|för|dla|w|pro|v|в|для) (?:(?:the|a|einem|dem|le|un|el) )?mac(?:os|u|a|intosh)?',
  '(?:(?:der|die|la|le|a|o|de) |l\')(?:app|application|applicazione|aplicación|aplicativo|aplicação|applicatie) mail', '(?:aplikac|aplikác|приложени)\\p{L}* mail',
  'mail-?app(?:en|et)?', 'appen mail',
);

/** Sending mail, the thing a blocked port stops ("send email", "E-Mails versenden", "送信"). */
export const SEND_WORD = words(
  'send(?:ing|s)?(?: an?)? (?:e-?mails?|mails?|messages?)', '(?:e-?mails?|messages?) (?:are|is|were)? ?(?:not )?(?:being )?sent',
  'versende\\p{L}*', 'verschicke\\p{L}*', 'senden', '(?:e-?)?mail-?versand', 'envoy\\p{L}*', "l'envoi", 'envi(?:ar|o|a|e|ando)', 'inviare', 'invio',
  'verzend\\p{L}*', 'versturen', 'wysył\\p{L}*', 'skicka', 'odesl\\p{L}*', 'отправ\\p{L}*', 'gönder\\p{L}*',
  // Norwegian and Danish, Finnish, Slovak, Greek, Romanian and Hungarian.
  'sende (?:e-?post|e-?mails?|mail|meldinger|beskeder)', 'sending av e-?post', 'afsend\\p{L}*', 'lähettä\\p{L}*', 'lähetys\\p{L}*',
  'odosiela\\p{L}*', 'odoslan\\p{L}*', 'odoslať', 'αποστολ\\p{L}*', 'στέλν\\p{L}*', 'trimiter\\p{L}*', 'trimite (?:e-?mail|mesaje)',
  'küldés\\p{L}*', 'levélküld\\p{L}*',
);
/**
 * Sending as another address through its own SMTP server: Gmail's "Send mail as" and its translations,
 * and the "other address" wording of other webmails. Such help pages name the port and TLS for it.
 */
export const SEND_AS = words(
  'send mail as', 'send (?:e-?)?mail from (?:a different|another) address', 'sending (?:mail )?as another address',
  'enviar (?:correo|correos|mensajes?|e-?mails?) como', 'e-?mails? senden als', 'nachrichten senden als', 'envoyer des (?:e-?mails|messages) en tant que',
  'enviar e-?mails? como', 'invia (?:messaggi|email|e-mail) come', 'e-?mails? verzenden als', 'wyślij (?:wiadomość|pocztę) jako',
  'postayı farklı gönder', 'gönderen adres\\p{L}*', 'odesílat poštu jako',
  // The check box of Gmail's "add another address" dialog, which only that dialog and its help pages name.
  'treat as (?:an )?alias', 'als alias behandeln', 'traiter comme (?:un )?alias', 'tratar como (?:un |um )?alias',
  'considera come (?:un )?alias', 'behandelen als (?:een )?alias',
);
/** The same in Japanese and Chinese: "別のアドレスとして送信", "エイリアスとして扱う", "视为别名". */
export const CJK_SEND_AS = cjk(
  '別の(?:メール ?)?アドレスとして送信', '別の(?:メール ?)?アドレス(?:やエイリアス)?から(?:メールを)?送信', 'エイリアスとして扱',
  '视为别名', '視為別名', '用这个地址发送', '以這個地址寄送',
);

/**
 * What an application says around the form where it sets up its own outgoing mail: its mailer or mail
 * function, the local sendmail or MTA it could use instead, a relay host, VERP. A person's mail account
 * offers none of these beside a sending-only form (`appMail` in reading.ts).
 */
export const APP_MAIL = words(
  'sendmail', 'local mta', 'smtp[- ]relay', 'relay ?host', 'mailer', 'mail engine', '(?:local |php |native )?(?:e-?)?mail function',
  'smtp helo', 'return path', 'media types?', 'verp',
  // The way an application hands over its mail (SMTP, its language's mail function, a file for testing): on the
  // train and validation pages "transport type" stands only on such settings (HumHub's, Craft CMS's, Splynx's).
  'transport[- ]?typ(?:e|es)?',
);
/**
 * A test mail to try the settings: an application's, and a person's too where their own sender identity stands
 * beside it (a CRM user's mail configuration; `appMail` in reading.ts).
 */
export const APP_TEST_MAIL = words(
  'test (?:e-?mail|smtp|mail) settings', 'test (?:e-?mail|mail|message)', 'verify (?:e-?mail|smtp) settings',
  'test-?e-?mail', 'correo de prueba', 'e-?mail de test', 'e-?mail di prova', 'e-?mail de teste', 'testbericht',
  'wiadomość testow\\p{L}*', 'тестов\\p{L}* письм\\p{L}*',
);
/** The name a sender greets the server with ("HELO hostname"): an application's setting, and no server. */
export const HELO_NAME = /\b(?:helo|ehlo)\b/i;
/**
 * A recipient, as the first words of a field's label or of a heading over fields beside a sending server's form: an
 * application mailing its alerts to an administrator (a NAS's "Recipient" over "Primary email"), never a person's own
 * account (reading.ts `namesRecipient`; a message being written, which has one too, is told apart by its subject field).
 * Not the Danish "modtager", which is also "receives".
 */
export const RECIPIENT_LABEL = words(
  'recipients?', '(?:alert|notification|report)s? (?:to|e-?mail|address)', 'send (?:alerts|notifications|reports) to',
  'empfänger\\p{L}*', 'destinataires?', 'destinatari[oa]s?', 'destinatários?', 'odbiorc\\p{L}*', 'ontvanger\\p{L}*',
  'получател\\p{L}*', 'mottagare', 'mottaker\\p{L}*', 'příjemc\\p{L}*', 'címzett\\p{L}*',
);
/** A test mail in Japanese and Chinese (APP_TEST_MAIL). */
export const CJK_TEST_MAIL = cjk('テストメール', 'テスト送信', '测试邮件', '測試郵件', '发送测试', '發送測試');
/**
 * A connection test: an application's, unless POP before SMTP is offered beside it, as a person's
 * outgoing-server form may offer both.
 */
export const APP_CONNECTION_TEST = words(
  'test (?:the )?connection', 'verbindung testen', 'probar (?:la )?conexión', 'tester la connexion',
  // The same button in the further languages whose settings pages are read.
  'testar (?:a )?conexão', 'test(?:are|a) (?:la )?connessione', 'verbinding testen', '(?:prze)?testuj połączenie', 'test połączenia',
  '(?:o)?testovat (?:připojení|spojení)', 'test připojení', 'проверить (?:соединение|подключение)',
  'bağlantıyı test et', 'bağlantı testi',
  // The test's outcome, where the button's words are not in the page's text (n8n's credential dialog, train split).
  'connection tested',
);
/** The same in Japanese, Chinese and Korean. */
export const CJK_CONNECTION_TEST = cjk('接続テスト', '接続をテスト', 'テスト接続', '测试连接', '測試連線', '測試連接', '연결 테스트');
/**
 * What a mailing tool's or a CRM's own sender carries (EspoCRM's outbound settings): a no-reply sender,
 * mass mail, opt-out links, open tracking. Read beside a sending form only: a host's rows for a person's
 * mailbox may stand beside a "no mass mailing" rule or a no-reply mailbox's description.
 */
export const APP_SENDER_POLICY = words(
  'no-?reply', 'mass (?:e-?)?mail(?:s|ings?)?', 'massen-?(?:e-?)?mails?', 'opt-?out link', 'unsubscribe link', '(?:e-?mail )?open tracking',
);
/**
 * The notifications and alerts an application mails: read only inside the sending form itself, as a
 * webmail's own menus, tabs and toasts say "Notifications" too.
 */
export const APP_NOTICE = words(
  'notifications?', 'alerts?', 'alert (?:e-?)?mails?', 'password reset', 'benachrichtigung\\p{L}*',
  'notificaci\\p{L}+', 'notifiche', 'notificaç\\p{L}+', 'meldingen', 'powiadomie\\p{L}*', 'уведомлени\\p{L}*',
);
/** 通知, but not a read receipt (開封通知), a delivery notice (配送状態通知) or a new-mail notice (新着メール通知). */
export const CJK_APP_NOTICE = cjk('(?<!開封|配送状態|配信状態|新着|新着メール|既読|送达|送達|已读|已讀)通知');
const ADMIN_WORDS = ['administrator', 'admin'];
/**
 * The sender fields an application's mail settings carry besides its server (GLPI's administrator, from,
 * reply-to and no-reply addresses): not a person's identity, however many there are.
 */
export const APP_SENDER_LABEL = words(
  'from', 'sender', ...ADMIN_WORDS, 'no-?reply', 'absender\\p{L}*', 'expéditeur', 'remitente', 'mittente', 'remetente',
  'afzender', 'nadawca', 'отправител\\p{L}*',
);
/** Fields only a sender identity has, never a contact's card: reply-to, Bcc, signature. */
const REPLY_TO_WORDS = ['reply-?to', 'reply to', 'antwort an', 'répondre à', 'responder a'];
const SIGNATURE_WORDS = ['signature', 'signatur'];
export const SENDER_ONLY_LABEL = words(...REPLY_TO_WORDS, 'bcc', ...SIGNATURE_WORDS);
/**
 * A reply-to field's label, a signature's, and an administrator's: a reply-to and a signature box beside no
 * administrator's sender are a person's identity (reading.ts). A key's signature is no mail signature.
 */
export const REPLY_TO_LABEL = words(...REPLY_TO_WORDS);
export const SIGNATURE_LABEL = words(...SIGNATURE_WORDS);
export const KEY_SIGNATURE_LABEL = words('dkim', 's/?mime', 'pgp', 'gpg', 'openpgp');
export const ADMIN_LABEL = words(...ADMIN_WORDS);
/** A sender that takes no replies (no-reply@, do_not_reply@): an application's, never a person's own identity. */
export const NO_REPLY_ADDRESS = /^\s*(?:no[-_.]?reply|do[-_.]?not[-_.]?reply)@(?:[a-z0-9-]+\.)+[a-z]{2,24}\s*$/i;
/**
 * What a form's headline names when it is another service's account a control panel sets up (FTP, SSH,
 * databases, DNS, cron, subdomains).
 */
export const OTHER_SERVICE_HEADLINE = words(
  's?ftp', 'ssh', 'databases?', 'datenbank(?:en)?', 'bases? de (?:données|datos|dados)', 'banco de dados', 'banche dati',
  'mysql', 'postgre(?:sql|s)', 'cron(?: ?jobs?)?', 'dns', 'subdomains?', 'subdomänen?', 'sous-domaines?', 'subdominios?',
);
/** A web mail's contacts or address book: a contact's form, or the view a settings dialog may be open over. */
export const CONTACTS_HEADLINE = words(
  'contacts?', 'address ?book', 'kontakte?', 'adressbuch', "carnet d'adresses", 'contactos', 'contatti', 'rubrica',
  'libreta de direcciones', 'adresboek', 'kontakty', 'książka adresowa',
);
export const CJK_CONTACTS_HEADLINE = cjk('アドレス帳', '連絡先', '通讯录', '通訊錄', '联系人', '聯絡人');
/** Mailbox words a headline uses beside another service ("Postfächer & FTP", "Mailboxes of subdomain …"). */
export const HEADLINE_MAILBOX = words(
  'mailbox(?:es)?', 'postf[aä]ch\\p{L}*', 'buz[oó]n(?:es)?', 'caselle', 'bo[iî]tes? (?:aux lettres|mail)', 'skrzynk\\p{L}*', 'e-?mail-?\\p{L}*',
);
/**
 * What an application fetches its own mailbox for: bounces, a monitored inbox, new tickets, on a
 * schedule. A person's account that fetches mail says none of these.
 */
export const APP_FETCH = words(
  'bounce(?:s|d)?(?: (?:settings|handling|processing|mailbox))?', 'monitored (?:inbox|folder)(?:es|s)?', 'fetch(?:ing)? frequency',
  'e-?mails? per fetch', 'new tickets?', 'ticket (?:priority|department)', 'help ?desk',
);
/** Notices a person's own account asks for, which a sending form of theirs may offer: read receipts, delivery notices, new-mail alerts. */
export const PERSON_NOTICE = words(
  'delivery status notifications?', 'read receipts?', 'return receipts?', 'new (?:e-?)?(?:mail|message) (?:notifications?|alerts?)',
  'desktop notifications?', 'übermittlungsbestätigung\\p{L}*', 'lesebestätigung\\p{L}*', 'accusé de réception',
  "notification d'état de (?:la )?distribution", 'notificación de estado de entrega', 'confirmação de leitura', 'conferma di lettura',
);
/**
 * The fetching side named at all, as a tab or column of an account dialog names it ("Incoming mail",
 * "Posteingangsserver", "entrante"): its fields may be in a panel not shown, yet the dialog is an account's.
 */
export const INCOMING_SIDE = words(
  'incoming', 'inbound', 'receiving', 'eingehend\\p{L}*', 'posteingang\\p{L}*', 'empfang', 'abruf', 'entrant\\p{L}*', 'réception',
  'entrante', 'de entrada', 'recepción', 'recebimento', 'in arrivo', 'in entrata', 'ricezione', 'inkomend\\p{L}*', 'ontvangst',
  'przychodząc\\p{L}*', 'odbiór', 'příchozí', 'inkommande', 'indgående', 'innkommende', 'saapuva\\p{L}*', 'gelen', 'входящ\\p{L}*',
);
/** As phrases: 受信者 and 收件人 are a test mail's recipient, which an application's form asks for. */
export const CJK_INCOMING_SIDE = cjk(
  '受信(?:メール)?(?:サーバ|設定|ポート|側|プロトコル)', '受信トレイ', '受信箱', '接收(?:邮件)?(?:服务器|设置|端口|协议)',
  '收件(?:服务器|伺服器|箱|匣)', '收信(?:服务器|伺服器|设置)', '內送',
);

/** "cannot send", "E-Mails werden nicht versendet", "送信できない": the symptom these pages answer. */
export const CANNOT_SEND = words(
  "(?:can ?not|can't|cannot|unable to|not able to|fail(?:s|ed)? to) send", "(?:isn't|aren't|not) (?:being )?sent", 'not sending',
  'nicht (?:versende\\p{L}*|verschick\\p{L}*|gesendet)', "impossible d'envoyer", "n'arrive pas à envoyer",
  'no (?:puedo|se pueden|se puede|consigo) enviar', 'não (?:consigo|é possível) enviar', 'non riesco a inviare', 'kan niet (?:verzenden|versturen)',
  'nie (?:mogę|można) wysłać', "receive (?:e-?mails? )?but (?:can ?not|can't|not) send", 'recibir (?:correos? )?pero no enviar',
  'empfangen,? aber nicht (?:senden|versenden|verschicken)', 'recevoir (?:des e-?mails )?mais pas (?:en )?envoyer', 'receber,? mas não enviar',
  'ricevere ma non inviare', 'ontvangen,? maar niet (?:verzenden|versturen)',
  "(?:won't|doesn't|does not|will not) send (?:e-?mails?|messages?|mails?|out)", "(?:e-?mails?|messages?|mails?) (?:could ?not|couldn't|can ?not|can't|won't|will not) be sent",
  'stuck in (?:the |your )?outbox',
  'nie (?:może|mogła|mógł|mogło|mogą) zostać wysłan\\p{L}*', 'nie (?:został|została|zostały|zostało|zostaną) wysłan\\p{L}*',
  'nelze odeslat', 'nejde odeslat', 'nemohu odeslat', 'не (?:могу|удается|удаётся|получается|могут) отправ\\p{L}*',
  '(?:письма|сообщения|почта) не (?:уходят|уходит|отправляются|отправляется)',
  'kan inte skicka', 'kan ikke sende', 'ei voi lähettää', 'gönderilemiyor', 'gönderemiyorum', 'gönderilmiyor',
  '(?:ईमेल|मेल) नहीं (?:जा|भेज)\\p{L}*',
  'non (?:si riesce a|è possibile) inviare', '(?:e-?mail|mail|messaggi|messaggio) non (?:vengono|viene) inviat\\p{L}*',
  '(?:e-?mail|mail|messaggi) non partono', '(?:correos?|mensajes?|e-?mails?) no se (?:envían|envía|pueden enviar)',
  '(?:correos?|mensajes|e-?mails?) no salen', 'não consegue enviar', '(?:e-?mails?|mensagens?) não (?:são enviad\\p{L}*|saem)',
  '(?:e-?mails?|messages?|courriels?|mails?) ne (?:part|partent) pas', "(?:e-?mails?|messages?|courriels?) (?:ne sont|n'est) pas envoyé\\p{L}*",
  'kan geen (?:e-?)?mail\\p{L}* (?:verzenden|versturen)', '(?:e-?mails?|mail|berichten?) (?:wordt|worden) niet (?:meer )?(?:verzonden|verstuurd)',
  // The same symptom spoken to the reader ("you cannot send"), or of several people: help pages address
  // their reader more often than they quote one. Tied to mail where the verb alone also sends parcels or spam.
  // Only mail counts here, not "messages" alone: "you cannot send messages to this group" is a chat app.
  "non (?:riesci|riuscite|riescono|puoi|potete|possono) (?:più )?(?:a |ad )?inviare (?:(?:la|le|i|il|un|una|delle|dei) |l'|un')?(?:posta|e-?mail|mail|messaggi di posta)",
  "impossibile inviare (?:(?:la|il|i|le|un|una) |l'|un')?(?:posta|e-?mail|mail|messaggi di posta)",
  "(?:n'arrivez|n'arrives|n'arrivent|ne pouvez|ne peux|ne peut|ne peuvent) (?:plus |pas )+(?:à )?envoyer (?:de |d'|des |les |le |vos |votre |un )?(?:e-?mails?|courriels?|mails?|messages? électroniques?)",
  'no (?:puedes|puede|pueden|podemos|consigues|consigue|consiguen) enviar (?:(?:el|los|tus|sus|un) )?(?:correos?|e-?mails?|mensajes de correo)',
  'não (?:conseguem|consegues|conseguimos|posso|pode|podem) enviar (?:(?:o|os|seus|um) )?(?:e-?mails?|mensagens de (?:e-?mail|correio)|correio)',
  // German puts what and how between the two: "kann keine E-Mail via Orange senden", "können plötzlich keine
  // Mails über ihre Uni-Adresse versenden".
  '(?:kann|können|könnt|kannst) (?:\\p{L}+ ){0,2}keine (?:e-?mails?|mails?|e-mail-nachrichten) (?:[\\p{L}\\d.-]+ ){0,5}(?:senden|versenden|verschicken)',
  'nie (?:możesz|możecie|mogą|mogę|można) (?:wysłać|wysyłać) (?:poczty|(?:e-?)?mail(?:a|i|ów)?|wiadomości e-?mail)',
  '(?:kunt|kun|kunnen) (?:u |je |jullie |we |ze )?geen (?:e-?)?mail\\p{L}* (?:meer )?(?:verzenden|versturen)',
);
export const CJK_CANNOT_SEND = cjk(
  '送信できな', '送信できません', '送信ができな', '送信ができません', '送受信ができな', 'メール(?:が|を)?送れな', 'メール(?:が|を)?送れません',
  '送信エラー', '送信トレイ', '发送失败', '无法发送', '(?:郵件|信件)發送失敗', '無法發送(?:郵件|信件)', '无法寄(?:信|出)', '無法寄(?:信|出)',
  '(?:信件?|邮件|郵件)寄不出', '发件箱', '寄件匣', 'ส่ง(?:อีเมล|เมล)?ไม่ได้', 'กล่องขาออก',
);
/**
 * The outbox, where unsent mail waits: a page that speaks of it is about mail that does not go out.
 * German and Russian name the outgoing server with the same word, so only the folder's phrasings count
 * there ("im Postausgang", "папка «Исходящие»"), and Vietnamese Outlook calls its outgoing server after the
 * outbox ("máy chủ hộp thư đi"), so the folder counts only when no server word comes before it; the
 * Japanese and Chinese outbox sit in CJK_CANNOT_SEND.
 */
export const OUTBOX = words(
  'outbox(?! pattern)', 'bandeja de salida', 'caixa de saída', "boîte d'envoi", '(?:im|in den|aus dem) postausgang', 'postvak uit',
  'skrzynka nadawcza', 'utkorgen', 'папк\\p{L}* «?исходящие', 'giden kutusu\\p{L}*', '(?<!máy chủ )hộp thư đi',
  '[وبل]?صندوق الصادر', '[وبل]?علبة الصادر',
);

/** Advice to the reader: what help pages do and news reports do not. */
export const ADVICE = words(
  'you (?:will )?(?:need|have) to', 'you (?:can|should|must|may)', 'please', 'make sure', 'we recommend', 'recommended',
  'sie (?:müssen|sollten|können)', 'bitte', 'empfehlen', 'vous (?:devez|pouvez|devrez)', 'veuillez', 'nous recommandons',
  'debe(?:s|rá|rás)?', 'puede(?:s)?', 'por favor', 'recomendamos', 'deve(?:rá)?', 'pode', 'recomendado', 'é necessário',
  'dovete', 'devi', 'è necessario', 'si consiglia', 'consigliamo', 'u moet', 'moet u', 'je moet', 'kunt u', 'wij raden',
  'należy', 'proszę', 'zalecamy', 'musisz', 'du måste', 'du kan', 'vi rekommenderar', 'musíte', 'doporučujeme',
  'необходимо', 'рекомендуем', 'следует',
  // Verb-first orders: German and Dutch put the verb before "you" in a clause that opens with another word.
  'müssen sie', 'sollten sie', 'können sie', 'moet je', 'kun je', 'je kunt', 'u kunt', 'wij adviseren', 'we raden', 'raden wij',
  'il faut', 'il est (?:recommandé|conseillé|nécessaire)', 'nous vous (?:recommandons|conseillons)',
  'hay que', 'tienes que', 'tiene que', 'te recomendamos', 'le recomendamos', 'bisogna', 'occorre',
  'нужно', 'надо', 'gerekir', 'gerekmektedir', 'öneririz', 'ska du', 'bör du',
  // More languages, and the impersonal or polite forms help pages use where English says "you need to".
  'πρέπει', 'παρακαλούμε', 'συνιστούμε', 'συνιστάται', 'je (?:potrebné|nutné|potřeba|nutno|třeba)', 'odporúčame', 'prosím',
  'můžete', 'môžete', 'täytyy', 'on suositeltavaa', 'suosittelemme', 'du må', 'må du', 'du bør', 'du skal',
  'vi anbefaler', 'det anbefales', 'lütfen', 'önerilir', 'önerilmektedir', 'è consigliabile', 'si raccomanda', 'puoi', 'potete',
  'dovrai', 'dovrete', 'trzeba', 'prosimy', 'możesz', 'вы можете', 'вам (?:нужно|необходимо|следует)', 'пожалуйста',
  'você (?:pode|deve|precisa)', 'é preciso', 'recomenda-se', 'es necesario', 'se recomienda', 'empfiehlt es sich',
  'vă rugăm', 'trebuie', 'kérjük', 'javasoljuk', 'silakan', 'harap',
);
export const CJK_ADVICE = cjk('してください', 'して下さい', 'ください', '必要があります', 'お願いします', 'をお勧め', '推奨', '请', '需要');
/** The reader addressed directly. */
export const YOU = words(
  'you', 'your', 'ihr(?:e|en)?', 'ihnen', 'vous', 'votre', 'vos', 'usted', 'tu', 'tus', 'você', 'seu', 'sua', 'voi', 'vostr\\p{L}*',
  'tuo', 'tua', 'uw', 'jouw', 'je', 'twój', 'państwo', 'din', 'ditt', 'váš', 'vaše', 'вы', 'ваш\\p{L}*',
  // German's polite "Sie" (lower-cased here, so also "they", rarer in help pages), and more languages' forms.
  // Not "du" (French "of the") or "dine" (English).
  'sie', 'dein(?:e|en|em|er)?', 'tuoi', 'tue', 'twoj\\p{L}*', 'swoj\\p{L}*', 'swój', 'siz', 'sizin', 'σας', 'σου', 'вам', 'вас',
  'vám', 'vás', 'vašu', 'vášho', 'deg', 'dig', 'sinun', 'teidän', 'dumneavoastră', 'tău', 'tes',
);
export const CJK_YOU = cjk('お客様', 'あなた', 'ご利用', '您');

/** Imperatives that step-by-step help uses. */
export const STEP_VERB = words(
  'click', 'tap', 'select', 'choose', 'go to', 'enter', 'type', 'tick', 'untick', 'press', 'scroll', 'turn (?:on|off)',
  'haz clic', 'haga clic', 'pulsa', 'pulse', 'selecciona', 'seleccione', 'elige', 'elija', 'abre', 'abra',
  'escribe', 'escriba', 'marca', 'marque', 'toca', 'toque', 've a', 'vaya a', 'introduce', 'introduzca', 'activa',
  'klicken sie', 'tippen sie', 'wählen sie', 'öffnen sie', 'markieren sie', 'aktivieren sie', 'tragen sie',
  'geben sie', 'wechseln sie', 'bestätigen sie', 'stellen sie', 'klicken', 'tippen',
  'cliquez', 'sélectionnez', 'choisissez', 'ouvrez', 'saisissez', 'cochez', 'décochez', 'appuyez', 'touchez',
  'validez', 'allez dans', 'remplacez',
  'clique', 'selecione', 'escolha', 'digite', 'introduza', 'aceda', 'acesse', 'vá para', 'insira',
  'fai clic', 'fare clic', 'clicca', 'seleziona', 'scegli', 'apri', 'tocca', 'inserisci', 'digita', 'vai su', 'imposta',
  'klik', 'tik', 'selecteer', 'kies', 'ga naar', 'vul', 'vink', 'typ',
  'kliknij', 'wybierz', 'wpisz', 'zaznacz', 'przejdź do', 'otwórz', 'klicka', 'välj', 'ange', 'öppna', 'klikněte',
  'vyberte', 'zadejte', 'нажмите', 'выберите', 'введите', 'откройте',
  // Guides in Italian, Spanish, Portuguese and Polish often give their steps in the infinitive; more imperatives
  // in German, French, Russian, Turkish, Czech and Swedish.
  'gehen sie', 'navigieren sie', 'füllen sie', 'cliccare', 'selezionare', 'inserire', 'premere', 'spuntare',
  'hacer clic', 'pulsar (?:en|sobre)', 'seleccionar', 'introducir', 'clicar', 'selecionar', 'preencha', 'toque em',
  'cliquer', 'sélectionner', 'saisir', 'renseignez', 'indiquez', 'entrez', 'rendez-vous (?:dans|sur)',
  'kliknąć', 'wybrać', 'wpisać', 'перейдите', 'укажите', 'отметьте', 'зайдите', 'кликните',
  'tıklayın', 'seçin', 'girin', 'açın', 'işaretleyin', 'otevřete', 'zaškrtněte', 'vyplňte', 'přejděte',
  'fyll i', 'markera', 'gå till', 'tryck på',
  // Greek, Norwegian, Danish, Finnish, Slovak, Hungarian and Romanian, and more Russian, Turkish and Portuguese.
  'κάντε κλικ', 'επιλέξτε', 'πληκτρολογήστε', 'εισάγετε', 'πατήστε', 'ανοίξτε', 'μεταβείτε',
  'klikk på', 'velg', 'skriv inn', 'trykk på', 'åpne', 'huk av', 'klik på', 'vælg', 'indtast', 'åbn', 'sæt flueben',
  'napsauta', 'valitse', 'kirjoita', 'avaa', 'siirry', 'syötä', 'kliknite', 'zadajte', 'otvorte', 'zaškrtnite', 'prejdite',
  'kattintson', 'válassza', 'írja be', 'nyissa meg', 'faceți clic', 'selectați', 'introduceți', 'deschideți',
  'щелкните', 'щёлкните', 'поставьте', 'заполните', 'tıklatın', 'yazın', 'giriniz', 'seçiniz', 'tıklayınız',
  'vá em',
);

/** The ways of naming port 25 that PORT_25_BLOCKED reads, each at the start of a word. */
const PORT_25_WAYS = [
  `(?:port|puerto|porta|poort|portu|porten|portti|portin|θύρα\\p{L}*|cổng|порт\\p{L}*|पोर्ट)(?:${E} ?(?:tcp ?)?)?25${E}`,
  '25-ös port\\p{L}*',
  `25(?:'?inci| numaralı| nolu)? port(?:u|unu|una|unda|tan|lar\\p{L}*)?${E}`,
  // The network engineer's notation, with no word for a port, where a direction says it is mail leaving the network
  // ("ISPs block outbound 25/tcp traffic"): a port scan's "25/tcp open" and a firewall's "allow 25/tcp" say none.
  `(?:outbound|outgoing) (?:25 ?/ ?tcp|tcp ?/ ?25)${E}`,
];
const PORT_25 = `(?:${PORT_25_WAYS.map((way) => B + way).join('|')})`;
const BLOCKED_WORDS = `(?:block\\p{L}*|stop(?:s|ped|ping)?|prevent\\p{L}*|disallow\\p{L}*|not allowed|no longer allow\\p{L}*|bloque\\p{L}*|bloqué\\p{L}*|gesperrt|sperr\\p{L}*|blockiert|bloccat\\p{L}*|blocc\\p{L}*|geblokkeerd|blokk\\p{L}*|filtered|filtering|filtr\\p{L}*|gefiltert|filtrad\\p{L}*|filtré\\p{L}*|restrict\\p{L}*|zablokowan\\p{L}*|blokuj\\p{L}*|blokad\\p{L}*|spärra\\p{L}*|blokov\\p{L}*|блокир\\p{L}*|заблокирован\\p{L}*|closed|cerrado|fechad\\p{L}*|fermé\\p{L}*|kapat\\p{L}*|kapalı|engell\\p{L}*|engelle\\p{L}*|deshabilit\\p{L}*|tancat|chius[oaie]|gesloten|zamknięt\\p{L}*|uzavřen\\p{L}*|suljet\\p{L}*|estett\\p{L}*|estetään|lukket|stängd|закрыт\\p{L}*|αποκλει\\p{L}*|μπλοκ\\p{L}*|letilt\\p{L}*|blokkol\\p{L}*|diblokir|memblokir|chặn|बंद|ब्लॉक[\\p{L}\\p{M}]*)`;
const BLOCKED = `${B}${BLOCKED_WORDS}`;
/** "port 25 is blocked", "bloqueamos el puerto 25", "Port 25 gesperrt", "la porta 25 è bloccata", "Outbound Port25 Blocking". */
export const PORT_25_BLOCKED = new RegExp(`${PORT_25}[^.!?\\n]{0,100}${BLOCKED}|${BLOCKED}[^.!?\\n]{0,100}${PORT_25}`, 'gu');
// Both ways round it opens at the start of a word: scanned without the look-behind, the start checked by
// hand (`countMatchesWhere`), as the word lists are.
UNANCHORED.set(PORT_25_BLOCKED, new RegExp(`(?:${PORT_25_WAYS.join('|')})[^.!?\\n]{0,100}${BLOCKED}|${BLOCKED_WORDS}[^.!?\\n]{0,100}${PORT_25}`, 'gu'));

/** A character of an e-mail address's local part, in lower-case text. */
export const LOCAL_CHAR = /[a-z0-9._%+-]/;
const DOMAIN_AFTER_AT = /(?:[a-z0-9-]+\.)+[a-z]{2,24}/y;

/**
 * The e-mail address around the "@" at `at` of lower-case `text`, or null. Read outwards from the "@", so
 * a long run of letters without one costs a single pass (a pattern scanning for the local part would
 * retry the run from every letter).
 */
export function addressAround(text: string, at: number): string | null {
  let start = at;
  while (start > 0 && at - start < 64 && LOCAL_CHAR.test(text[start - 1]!)) start -= 1;
  DOMAIN_AFTER_AT.lastIndex = at + 1;
  const domain = DOMAIN_AFTER_AT.exec(text);
  return start < at && domain !== null ? `${text.slice(start, at)}@${domain[0]}` : null;
}

/**
 * The pages bench/detect.ts measures, generated at run time: a help-centre article about changing the
 * outgoing (SMTP) port (~50 KiB of HTML with site header, navigation, steps, a settings table and a
 * footer), the same article followed by ~5 MiB of unrelated blog, shop and forum content (in a block
 * named "related-posts", which the text reader must weigh as chrome or text without reading it whole),
 * and an unrelated page of the same size as the article that the content script's pre-check must turn
 * down; and a Japanese page of the same size, its paragraphs written without spaces as Japanese is, with
 * a reply-to word (返信先) in them: the pre-check's phrases must answer as quickly there as on the English one.
 * A seeded generator keeps every run's pages identical.
 */

const KIB = 1024;

/** Mulberry32: small, fast and good enough to vary sentences. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Words of gardening, cooking, travel and shopping posts: nothing about mail, servers or ports. */
const WORDS = (
  'garden soil compost tomato basil seedling harvest autumn spring frost mulch pruning orchard apple pear ' +
  'recipe oven flour butter simmer roast garlic onion pepper saffron risotto broth loaf dough knead ' +
  'train station museum coastline harbour village mountain trail hostel ferry itinerary sunset market ' +
  'jacket fabric cotton stitch sleeve pattern delivery warranty bicycle saddle chain gear helmet lamp ' +
  'weekend family neighbour festival library painting concert ticket morning evening weather rain ' +
  'quiet bright gentle careful quick warm fresh simple small large early late favourite local seasonal'
).split(' ');

const escape = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

class Prose {
  private readonly random: () => number;
  constructor(seed: number) {
    this.random = seeded(seed);
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.random() * items.length)]!;
  }
  count(min: number, max: number): number {
    return min + Math.floor(this.random() * (max - min + 1));
  }
  words(min: number, max: number): string {
    return Array.from({ length: this.count(min, max) }, () => this.pick(WORDS)).join(' ');
  }
  sentence(): string {
    const text = this.words(7, 18);
    return `${text[0]!.toUpperCase()}${text.slice(1)}.`;
  }
  paragraph(): string {
    return Array.from({ length: this.count(3, 7) }, () => this.sentence()).join(' ');
  }
  title(): string {
    return this.words(3, 6).replace(/\b\w/g, (letter) => letter.toUpperCase());
  }
}

/** One block of unrelated content, in the shapes real pages have: posts, tables, lists, nested cards, comments. */
function unrelatedBlock(prose: Prose, index: number): string {
  switch (index % 5) {
    case 0:
      return `<section class="post"><h2>${prose.title()}</h2><p class="byline">By ${prose.title()} · ${prose.count(1, 28)} March</p>${Array.from({ length: prose.count(3, 6) }, () => `<p>${prose.paragraph()}</p>`).join('')}</section>`;
    case 1: {
      const rows = Array.from(
        { length: prose.count(6, 14) },
        () => `<tr><td>${prose.title()}</td><td>${prose.count(1, 90)}.${prose.count(10, 99)} €</td><td>${prose.words(2, 5)}</td><td>${prose.count(0, 40)} in stock</td></tr>`,
      ).join('');
      return `<section class="catalogue"><h3>${prose.title()}</h3><table class="products"><thead><tr><th>Item</th><th>Price</th><th>Notes</th><th>Stock</th></tr></thead><tbody>${rows}</tbody></table></section>`;
    }
    case 2:
      return `<section class="tips"><h3>${prose.title()}</h3><ul>${Array.from({ length: prose.count(4, 9) }, () => `<li>${prose.sentence()}</li>`).join('')}</ul><ol>${Array.from({ length: prose.count(3, 6) }, () => `<li><strong>${prose.words(1, 3)}</strong> ${prose.sentence()}</li>`).join('')}</ol></section>`;
    case 3: {
      const card = () =>
        `<div class="card"><div class="card-inner"><div class="media"><div class="thumb" role="img" aria-label="${prose.words(2, 4)}"></div></div><div class="body"><div class="meta"><span>${prose.title()}</span> <span>${prose.count(2, 12)} min read</span></div><div class="text"><p>${prose.paragraph()}</p></div></div></div></div>`;
      return `<div class="grid"><div class="row">${card()}${card()}</div><div class="row">${card()}${card()}</div></div>`;
    }
    default:
      return `<section class="comments"><h4>${prose.count(2, 40)} comments</h4>${Array.from(
        { length: prose.count(2, 5) },
        () => `<div class="comment"><div class="who">${prose.title()}</div><div class="said"><p>${prose.paragraph()}</p><div class="reply"><div class="who">${prose.title()}</div><p>${prose.sentence()}</p></div></div></div>`,
      ).join('')}</section>`;
  }
}

function unrelatedContent(seed: number, bytes: number): string {
  const prose = new Prose(seed);
  const blocks: string[] = [];
  let size = 0;
  for (let index = 0; size < bytes; index += 1) {
    const block = unrelatedBlock(prose, index);
    blocks.push(block);
    size += block.length;
  }
  return blocks.join('\n');
}

const STYLE = `<style>
body{font:16px/1.5 system-ui,sans-serif;margin:0;color:#222}
body.bench-reflow{padding-left:1px}body.bench-reflow main{max-width:859px}
header.site,footer.site{background:#f3f4f6;padding:12px 24px}
nav.site ul,footer.site ul{display:flex;flex-wrap:wrap;gap:12px;list-style:none;padding:0}
main{max-width:860px;margin:0 auto;padding:24px}
table{border-collapse:collapse;margin:12px 0}td,th{border:1px solid #ccc;padding:4px 8px;text-align:left}
.grid .row{display:flex;gap:16px}.card{flex:1;border:1px solid #ddd;border-radius:6px;padding:8px}
.thumb{width:100%;height:60px;background:#e5e7eb}.comment{margin-left:16px}.reply{margin-left:24px}
</style>`;

function siteHeader(prose: Prose): string {
  const links = ['Email', 'Web hosting', 'Domains', 'Billing', 'Security', 'Community', 'Status', 'Contact us'];
  return `<header class="site"><a class="logo" href="/">Example Mail Help Centre</a><form role="search"><input type="search" placeholder="Search help articles" aria-label="Search"></form></header>
<nav class="site" aria-label="Main"><ul>${links.map((link) => `<li><a href="/${link.toLowerCase().replace(/ /g, '-')}">${link}</a></li>`).join('')}</ul>
<ul class="topics">${Array.from({ length: 24 }, () => `<li><a href="/topic">${prose.title()}</a></li>`).join('')}</ul></nav>`;
}

function siteFooter(prose: Prose, owner: string): string {
  const column = () => `<div class="column"><h4>${prose.title()}</h4><ul>${Array.from({ length: 8 }, () => `<li><a href="/more">${prose.title()}</a></li>`).join('')}</ul></div>`;
  return `<footer class="site">${column()}${column()}${column()}${column()}<p>© 2026 ${owner}. ${prose.sentence()}</p></footer>`;
}

const SETTINGS_TABLE = `<table class="settings">
<caption>Outgoing mail (SMTP) server settings</caption>
<thead><tr><th>Setting</th><th>Value</th></tr></thead>
<tbody>
<tr><td>Outgoing mail server (SMTP)</td><td><code>smtp.example-mail.com</code></td></tr>
<tr><td>Port</td><td>587</td></tr>
<tr><td>Encryption method</td><td>STARTTLS</td></tr>
<tr><td>Authentication</td><td>Normal password (use your full email address as the user name)</td></tr>
<tr><td>Alternative port</td><td>465 with SSL/TLS</td></tr>
</tbody></table>`;

const CLIENTS: Array<{ name: string; steps: string[] }> = [
  {
    name: 'Microsoft Outlook',
    steps: [
      'Open Outlook and select <strong>File</strong> &gt; <strong>Account Settings</strong> &gt; <strong>Account Settings</strong>.',
      'Select your email account and choose <strong>Change</strong>.',
      'Select <strong>More Settings</strong> and open the <strong>Advanced</strong> tab.',
      'Next to <strong>Outgoing server (SMTP)</strong>, enter <code>587</code>.',
      'Under <strong>Use the following type of encrypted connection</strong>, choose <strong>STARTTLS</strong>.',
      'On the <strong>Outgoing Server</strong> tab, tick <strong>My outgoing server (SMTP) requires authentication</strong>.',
      'Select <strong>OK</strong>, then <strong>Next</strong>, and wait for the test message to be sent.',
    ],
  },
  {
    name: 'Mozilla Thunderbird',
    steps: [
      'Open <strong>Account Settings</strong> from the application menu.',
      'At the bottom of the account list, select <strong>Outgoing Server (SMTP)</strong>.',
      'Select <code>smtp.example-mail.com</code> and choose <strong>Edit</strong>.',
      'Set <strong>Port</strong> to <code>587</code> and <strong>Connection security</strong> to <strong>STARTTLS</strong>.',
      'Set <strong>Authentication method</strong> to <strong>Normal password</strong> and save.',
    ],
  },
  {
    name: 'Apple Mail on Mac',
    steps: [
      'Choose <strong>Mail</strong> &gt; <strong>Settings</strong>, then click <strong>Accounts</strong>.',
      'Select your account, then click <strong>Server Settings</strong>.',
      'Under <strong>Outgoing Mail Server (SMTP)</strong>, deselect <strong>Automatically manage connection settings</strong>.',
      'Enter <code>587</code> in the <strong>Port</strong> field and select <strong>Use TLS/SSL</strong>.',
      'Click <strong>Save</strong>.',
    ],
  },
  {
    name: 'Mail on iPhone and iPad',
    steps: [
      'Go to <strong>Settings</strong> &gt; <strong>Apps</strong> &gt; <strong>Mail</strong> &gt; <strong>Mail Accounts</strong>.',
      'Tap your account, then tap the account address.',
      'Under <strong>Outgoing Mail Server</strong>, tap <strong>SMTP</strong>, then tap the primary server.',
      'Set <strong>Server Port</strong> to <code>587</code>, turn on <strong>Use SSL</strong> and tap <strong>Done</strong>.',
    ],
  },
  {
    name: 'Gmail app on Android',
    steps: [
      'Open the Gmail app and tap <strong>Menu</strong> &gt; <strong>Settings</strong>.',
      'Tap your account, then <strong>Account settings</strong> &gt; <strong>Outgoing settings</strong>.',
      'Change <strong>Port</strong> to <code>587</code> and <strong>Security type</strong> to <strong>STARTTLS</strong>.',
      'Tap <strong>Done</strong>.',
    ],
  },
];

function articleMain(prose: Prose, targetBytes: number): string {
  const parts: string[] = [
    `<nav class="breadcrumbs" aria-label="Breadcrumb"><a href="/">Help</a> › <a href="/email">Email</a> › <a href="/email/apps">Email apps</a></nav>`,
    `<article><header><h1>Change the outgoing mail server (SMTP) port to 587</h1><p class="updated">Updated 12 February 2026 · 6 min read</p></header>`,
    `<p>Many internet providers block port 25 for outgoing mail. If your email app can receive messages but cannot send them, change the outgoing server (SMTP) port to <strong>587</strong> with STARTTLS, or to <strong>465</strong> with SSL/TLS. Use the settings below in any email app.</p>`,
    `<h2>Outgoing server settings</h2>${SETTINGS_TABLE}`,
    `<p>Your incoming server settings (IMAP <code>imap.example-mail.com</code>, port 993) do not change.</p>`,
  ];
  for (const client of CLIENTS) {
    parts.push(`<h2>${client.name}</h2><ol class="steps">${client.steps.map((step) => `<li>${step}</li>`).join('')}</ol>`);
  }
  parts.push(
    `<h2>Still cannot send?</h2><ul><li>Check that the user name is your full email address.</li><li>Some networks block port 587 too: try port 465 with SSL/TLS.</li><li>Antivirus programs that scan outgoing mail can interfere; turn that scan off and try again.</li></ul>`,
  );
  // The rest of a real article: background, troubleshooting and frequently asked questions.
  let size = parts.join('').length;
  while (size < targetBytes) {
    const part = `<h3>${prose.title()}</h3><p>${prose.paragraph()}</p><p>${prose.paragraph()}</p>`;
    parts.push(part);
    size += part.length;
  }
  parts.push(`</article>`);
  return parts.join('\n');
}

function page(title: string, description: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escape(title)}</title><meta name="description" content="${escape(description)}"><meta name="viewport" content="width=device-width">${STYLE}</head><body>${body}</body></html>`;
}

export interface BenchPages {
  /** File name → HTML. */
  files: Record<string, string>;
  article: string;
  large: string;
  unrelated: string;
  unrelatedJapanese: string;
}

/** Sentences of a Japanese kitchen blog, two of them about where its comments' replies go (返信先). */
const JAPANESE_SENTENCES = [
  '秋になると根菜の甘みが増してきます。', '大根は皮ごと使うと香りがよく残ります。', '作り置きは三日ほどで食べきるようにしています。',
  'コメントの返信先を選んでから送ってください。', '鍋に油をひいて弱火でじっくり炒めます。', 'しょうゆとみりんを同じ量ずつ加えます。',
  '冷めてから保存容器に移して冷蔵庫へ入れます。', '前回の記事への返信先はこの下にまとめました。', 'にんじんは細く切ると早く火が通ります。',
];

/** Paragraphs of those sentences, chosen by a seeded generator and joined without spaces, until `bytes` of HTML. */
function japaneseContent(seed: number, bytes: number): string {
  const next = seeded(seed);
  const paragraphs: string[] = [];
  let size = 0;
  while (size < bytes) {
    const sentences = Array.from({ length: 12 + Math.floor(next() * 12) }, () => JAPANESE_SENTENCES[Math.floor(next() * JAPANESE_SENTENCES.length)]);
    const paragraph = `<p>${sentences.join('')}</p>`;
    paragraphs.push(paragraph);
    size += Buffer.byteLength(paragraph);
  }
  return paragraphs.join('\n');
}

export function generatePages(): BenchPages {
  const chrome = new Prose(7);
  const header = siteHeader(chrome);
  const footer = siteFooter(chrome, 'Example Mail Ltd');
  // Leaves room for the header, footer and sidebar so the whole file is ~50 KiB.
  const main = articleMain(new Prose(11), 40 * KIB);
  const aside = `<aside class="related"><h2>Related articles</h2><ul>${Array.from({ length: 10 }, () => `<li><a href="/a">${chrome.title()}</a></li>`).join('')}</ul></aside>`;
  const title = 'Change the outgoing mail server (SMTP) port | Example Mail Help Centre';
  const description = 'Cannot send email? Change the SMTP port from 25 to 587 or 465 in Outlook, Thunderbird, Apple Mail, iPhone and Android.';
  const article = page(title, description, `${header}<main>${main}${aside}</main>${footer}`);
  const filler = unrelatedContent(23, 5 * KIB * KIB - article.length);
  const large = page(title, description, `${header}<main>${main}${aside}<div class="more related-posts"><h2>More from our blog</h2>${filler}</div></main>${footer}`);

  const blog = new Prose(31);
  const unrelatedHeader = `<header class="site"><a class="logo" href="/">The Allotment Journal</a></header><nav class="site" aria-label="Main"><ul>${Array.from({ length: 12 }, () => `<li><a href="/c">${blog.title()}</a></li>`).join('')}</ul></nav>`;
  const unrelatedBody = `<h1>Slow-Roasted Tomatoes For The Autumn Harvest</h1>${unrelatedContent(37, 44 * KIB)}`;
  const unrelated = page('Slow-roasted tomatoes for the autumn harvest | The Allotment Journal', 'Seasonal recipes and garden notes.', `${unrelatedHeader}<main>${unrelatedBody}</main>${siteFooter(blog, 'The Allotment Journal')}`);
  const japaneseBody = `<h1>秋の根菜で作る常備菜</h1>${japaneseContent(41, 44 * KIB)}`;
  const unrelatedJapanese = page('秋の根菜で作る常備菜 | 台所の手帖', '季節の作り置きと台所の記録。', `<header class="site"><a class="logo" href="/">台所の手帖</a></header><main>${japaneseBody}</main>`);
  return {
    files: { 'article.html': article, 'large.html': large, 'unrelated.html': unrelated, 'unrelated-ja.html': unrelatedJapanese },
    article,
    large,
    unrelated,
    unrelatedJapanese,
  };
}

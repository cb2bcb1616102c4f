/**
 * Bounded cost: the classifier reads at most its text budget, stops early on huge pages, honours an
 * AbortSignal between steps, and its sources keep to the rules that make that true.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { classifyPage } from '../../src/core/detect/index';
import { collectElements, ELEMENT_BUDGET } from '../../src/core/detect/elements';
import { readBudgetedText } from '../../src/core/detect/text';
import { parse } from '../fixtures/pages/corpus';

const DETECT_DIR = fileURLToPath(new URL('../../src/core/detect/', import.meta.url));

const ARTICLE = `<h2>Sending from Outlook</h2><p>Open File &gt; Account Settings and select Change. Select More Settings, then the Advanced tab.
Next to Outgoing server (SMTP) type 587 and choose STARTTLS. The outgoing server is smtp.example.net and
requires authentication. Click OK, then click Next.</p>`;

function filler(paragraphs: number): string {
  return Array.from({ length: paragraphs }, (_, index) => `<p>Paragraph ${index} about the weather, the harbour and the market square, nothing else.</p>`).join('\n');
}

/** Counts the steps taken by every TreeWalker the document hands out, in all and over elements only. */
function countingWalks(document: Document): { steps: () => number; elementSteps: () => number } {
  let steps = 0;
  let elementSteps = 0;
  const original = document.createTreeWalker.bind(document);
  document.createTreeWalker = ((root: Node, whatToShow?: number, filter?: NodeFilter | null) => {
    const walker = original(root, whatToShow, filter);
    const next = walker.nextNode.bind(walker);
    walker.nextNode = () => {
      steps += 1;
      if (whatToShow === 1) elementSteps += 1;
      return next();
    };
    return walker;
  }) as Document['createTreeWalker'];
  return { steps: () => steps, elementSteps: () => elementSteps };
}

describe('text budget', () => {
  it('misses a signal that lies past the budget and finds it with a larger one', () => {
    const html = `<!DOCTYPE html><html><head><title>Notes</title></head><body><main>${filler(1500)}${ARTICLE}</main></body></html>`;
    expect(html.length).toBeGreaterThan(100 * 1024);
    const small = classifyPage(parse(html), 'https://example.net/notes');
    expect(small.kind).toBe('none');
    expect(small.signals).toContain('budget:truncated');
    const large = classifyPage(parse(html), 'https://example.net/notes', { textBudget: 1024 * 1024 });
    expect(large.kind).toBe('article');
    expect(large.settings.port).toBe(587);
  });

  it('steps over no more text nodes than the budget allows', () => {
    const spans = Array.from({ length: 50_000 }, () => '<span>a</span>').join('');
    const document = parse(`<html><head><title>x</title></head><body>${spans}</body></html>`);
    const counter = countingWalks(document);
    const read = readBudgetedText(document, document.body, 1000);
    expect(read.truncated).toBe(true);
    expect(read.charsRead).toBeLessThanOrEqual(1000);
    expect(read.nodesVisited).toBeLessThanOrEqual(1001);
    expect(counter.steps()).toBeLessThanOrEqual(1001);
  });

  it('classifies a 5 MiB page quickly and reads only its budget', () => {
    const chunk = filler(200);
    const repeats = Math.ceil((5 * 1024 * 1024) / chunk.length);
    const html = `<!DOCTYPE html><html><head><title>Big page</title></head><body><main>${chunk.repeat(repeats)}</main></body></html>`;
    expect(html.length).toBeGreaterThan(5 * 1024 * 1024);
    const document = parse(html);
    const counter = countingWalks(document);
    const started = performance.now();
    const result = classifyPage(document, 'https://example.net/big');
    const elapsed = performance.now() - started;
    console.log(`5 MiB page: classified in ${elapsed.toFixed(0)} ms after ${counter.steps()} walker steps`);
    expect(result.kind).toBe('none');
    expect(result.signals).toContain('budget:truncated');
    // Text nodes here are ~80 characters, so 64 KiB of text is under a thousand steps (plus small cell walks);
    // the one walk that picks out headings, tables and fields stops at its element budget.
    expect(counter.elementSteps()).toBe(ELEMENT_BUDGET + 1);
    expect(result.signals).toContain('budget:elements-truncated');
    expect(counter.steps() - counter.elementSteps()).toBeLessThan(2000);
    expect(elapsed).toBeLessThan(3000);
  }, 60_000);

  it("reads a table's heading, never the whole block that holds it", () => {
    // A build log under its heading, then thirty settings tables: the heading search looks at the h2 only.
    const tables = Array.from({ length: 30 }, (_, index) => `<div><table><tr><td>Port</td><td>${587 + index}</td></tr></table></div>`).join('');
    const document = parse(`<html><body><main><div id="log"><h2>Outgoing mail</h2><pre>${'line of a long build log\n'.repeat(20_000)}</pre></div>${tables}</main></body></html>`);
    const block = document.getElementById('log')!;
    let wholeReads = 0;
    for (const element of [block, block.querySelector('pre')!]) {
      const own = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(element), 'textContent') ?? Object.getOwnPropertyDescriptor(Object.getPrototypeOf(Object.getPrototypeOf(element)), 'textContent');
      Object.defineProperty(element, 'textContent', { get() { wholeReads += 1; return own?.get?.call(element); }, configurable: true });
    }
    classifyPage(document, 'https://example.net/settings');
    expect(wholeReads).toBe(0);
  });

  it('skips script, style, noscript, template and page chrome', () => {
    const document = parse(`<html><body><nav>Outgoing server settings</nav><script>var smtpPort = 587;</script><style>.smtp{}</style>
      <noscript>SMTP</noscript><template><p>outgoing server</p></template><aside>SMTP port</aside><main><p>Hello</p></main><footer>SMTP</footer></body></html>`);
    expect(readBudgetedText(document, document.body, 10_000).text).toBe('Hello');
  });

  it('skips chrome built of named <div>s too: a site footer, a navbar, breadcrumbs, a cookie notice, a sidebar of related pages', () => {
    const document = parse(`<html><body><div class="cookie-banner">We use cookies</div><div class="navbar navbar-top"><a>Email marketing</a></div>
      <div id="breadcrumbs">Help › Email</div><div class="content"><p>Hello</p></div><div id="sidebar-right"><a>Port forwarding</a></div>
      <div class="widget related-articles"><a>Change the SSH port</a></div>
      <div class="site-footer"><div class="footer-col"><a>SMTP relay service</a> <a>Pricing per month</a></div></div></body></html>`);
    expect(readBudgetedText(document, document.body, 10_000).text).toBe('Hello');
  });

  it("skips a site header of <div>s that is a menu of links, not a settings screen's header with its title or toolbar", () => {
    const menu = parse(`<html><body><div id="header" class="site-header"><a>Hosting</a> <a>WordPress hosting</a> <a>Email marketing</a>
      <a>SMTP relay</a> <a>Pricing</a> <a>Log in</a></div><p>Hello</p></body></html>`);
    expect(readBudgetedText(menu, menu.body, 10_000).text).toBe('Hello');
    const titled = parse('<html><body><div class="page-header"><h2>Identities</h2><a>Help</a></div><p>Hello</p></body></html>');
    expect(readBudgetedText(titled, titled.body, 10_000).text).toBe('Identities\nHelp\nHello');
    const toolbar = parse('<html><body><div class="header">Mail settings <a>Save</a> <a>Cancel</a></div><p>Hello</p></body></html>');
    expect(readBudgetedText(toolbar, toolbar.body, 10_000).text).toBe('Mail settings Save Cancel\nHello');
  });

  it("skips a help centre's lists of popular, recent and most-read articles, which name other subjects", () => {
    for (const name of ['popular', 'recent-articles', 'promoted-articles', 'most-read', 'widget_recent_entries']) {
      const list = parse(`<html><body><p>Hello</p><section class="${name}"><h2>Lo más consultado</h2><ul><li><a>¿Cómo leo mi factura?</a></li>
        <li><a>Abrir puertos en el router</a></li><li><a>Reiniciar el módem</a></li></ul></section></body></html>`);
      expect(readBudgetedText(list, list.body, 10_000).text, name).toBe('Hello');
    }
  });

  it("skips the bar of links above a site's header: a university's audiences, its library and directory", () => {
    for (const name of ['service-bar', 'utility-nav', 'quicklinks', 'uni-utility-bar']) {
      const bar = parse(`<html><body><div class="${name}"><ul><li><a>Estudiantes</a></li><li><a>Personal</a></li><li><a>Campus virtual</a></li>
        <li><a>Biblioteca</a></li><li><a>Directorio</a></li></ul></div><p>Hello</p></body></html>`);
      expect(readBudgetedText(bar, bar.body, 10_000).text, name).toBe('Hello');
    }
    // Named so but holding the signed-in address, or too few links: the screen's own bar, read.
    const own = parse('<html><body><div class="utility-bar"><a>Inbox</a> <a>Settings</a> <a>Help</a> <a>Log out</a> <a>Contacts</a> jan@example.net</div><p>Hello</p></body></html>');
    expect(readBudgetedText(own, own.body, 10_000).text).toContain('jan@example.net');
    const few = parse('<html><body><div class="service-bar"><a>Inbox</a> <a>Settings</a> <a>Log out</a></div><p>Hello</p></body></html>');
    expect(readBudgetedText(few, few.body, 10_000).text).toContain('Inbox');
  });

  it('keeps a named part that holds the page: a layout wrapper, a form with its fields, Bootstrap tabs', () => {
    const wrapper = parse('<html><body class="has-footer"><div id="page-footer-layout"><h1>Outgoing server</h1><p>Port 587</p></div></body></html>');
    expect(readBudgetedText(wrapper, wrapper.body, 10_000).text).toBe('Outgoing server\nPort 587');
    const form = parse('<html><body><div class="modal-footer"><label>SMTP port <input value="587"></label></div></body></html>');
    expect(readBudgetedText(form, form.body, 10_000).text).toBe('SMTP port');
    const tabs = parse('<html><body><ul class="nav nav-tabs"><li>Email settings</li></ul><p>Hello</p></body></html>');
    expect(readBudgetedText(tabs, tabs.body, 10_000).text).toBe('Email settings\nHello');
  });

  it('keeps a named block that is text, not links: settings lines in a sidebar, a layout wrapper, a card footer with its test button, a header with the signed-in address', () => {
    const sidebar = parse('<html><body><p>Quota</p><div class="sidebar"><div>SMTP: mail.example.net, port 465</div><a>Help</a></div></body></html>');
    expect(readBudgetedText(sidebar, sidebar.body, 10_000).text).toBe('Quota\nSMTP: mail.example.net, port 465\nHelp');
    const wrapper = parse('<html><body><div class="content-with-sidebar"><p>Set the outgoing server to port 587.</p><a>Related</a></div></body></html>');
    expect(readBudgetedText(wrapper, wrapper.body, 10_000).text).toBe('Set the outgoing server to port 587.\nRelated');
    const card = parse('<html><body><div class="card-footer"><button>Send test email</button></div></body></html>');
    expect(readBudgetedText(card, card.body, 10_000).text).toBe('Send test email');
    const masthead = parse(`<html><body><div class="masthead"><a>Mail</a> <a>Domains</a> <a>Files</a> <a>Billing</a> <a>Help</a>
      <span>jan@example.net</span></div><p>Hello</p></body></html>`);
    expect(readBudgetedText(masthead, masthead.body, 10_000).text).toContain('jan@example.net');
  });
});

describe('text nodes of one line', () => {
  const read = (html: string): string => {
    const document = parse(`<html><body>${html}</body></html>`);
    return readBudgetedText(document, document.body, 10_000).text;
  };

  it('joins a host name that inline markup cut in two, as the page shows it', () => {
    expect(read('<p>Server: smtp-<em>[account]</em>.kestrel.net</p>')).toBe('Server: smtp-[account].kestrel.net');
    expect(read('<p>Server: mail.<strong>yourdomain</strong>.com</p>')).toBe('Server: mail.yourdomain.com');
    expect(read('<p>送信サーバーはsmtp.<b>kestrel-net</b>.jpです。</p>')).toBe('送信サーバーはsmtp.kestrel-net.jpです。');
    expect(read('<p>Server: pro<b>?</b>.mail.kestrel.net</p>')).toBe('Server: pro?.mail.kestrel.net');
    expect(read('<p>Write to <span>jane</span>@<span>kestrel.net</span></p>')).toBe('Write to jane@kestrel.net');
    // A line-break opportunity (<wbr>) inside a long name breaks nothing.
    expect(read('<p>Server: smtp.<wbr>mail-relay.<wbr>kestrel.net</p>')).toBe('Server: smtp.mail-relay.kestrel.net');
  });

  it('keeps apart what a space, a line break, a field or a value set beside its label separates', () => {
    expect(read('<p><span>SMTP</span><span>465</span></p>')).toBe('SMTP 465');
    expect(read('<p>Server: smtp.kestrel.net.<br>Port: 587</p>')).toBe('Server: smtp.kestrel.net. Port: 587');
    expect(read('<p>Server: mail.<img alt="">kestrel.net</p>')).toBe('Server: mail. kestrel.net');
    expect(read('<p>Server: <b>smtp.kestrel.net</b> .</p>')).toBe('Server: smtp.kestrel.net .');
    expect(read('<p>Use <b>mail.</b> <b>kestrel.net</b></p>')).toBe('Use mail. kestrel.net');
    // A full stop that ends a sentence or numbers a step, before the next inline element.
    expect(read('<p><span>1.</span><span>open the account settings</span></p>')).toBe('1. open the account settings');
    expect(read('<p>Server: smtp.kestrel.net.<b>Then</b> choose the port.</p>')).toBe('Server: smtp.kestrel.net. Then choose the port.');
    // A name cut between two letters or digits stays cut, and so does the rest it would run into: its
    // start is missing, so no half of it may read as a server ("12.host.de"). A server number masked with
    // x's after a short prefix is the one exception: it is one label.
    expect(read('<p>Server: s<b>12</b>.kestrel-host.de</p>')).toBe('Server: s 12 .kestrel-host.de');
    expect(read('<p>Server: wp<em>XXX</em>.kestrel-host.de</p>')).toBe('Server: wpXXX.kestrel-host.de');
    // A value beside its label's element, no space between them, is no word cut in two: its host joins.
    expect(read('<div><span>Outgoing server</span><span><span>mail</span>.<span>kestrel-host</span>.<span>example</span></span></div>')).toBe('Outgoing server mail.kestrel-host.example');
    expect(read('<p><span>Port</span><span>xxx</span></p>')).toBe('Port xxx');
    expect(read('<p>Server: wp-<em>XXX</em>.kestrel-host.de</p>')).toBe('Server: wp-XXX.kestrel-host.de');
    // An abbreviation's full stop before a host name set in code or bold.
    expect(read('<p>also z.B.<code>smtp3.kestrel.net</code></p>')).toBe('also z.B. smtp3.kestrel.net');
    expect(read('<p>(e.g.<code>smtp-eu.kestrel.net</code>)</p>')).toBe('(e.g. smtp-eu.kestrel.net )');
    expect(read('<p>np.<b>smtp7.kestrel.pl</b></p>')).toBe('np. smtp7.kestrel.pl');
  });
});

describe('odd documents', () => {
  it.each([[''], ['<p>no head, no title</p>'], ['<html><head><title>Only a title</title></head></html>'], ['<frameset></frameset>']])('classifies %j as none', (html) => {
    const result = classifyPage(parse(html), 'about:blank');
    expect(result.kind).toBe('none');
    expect(result.settings.anchor).toBeNull();
  });
});

describe('abort signal', () => {
  it('throws the reason of an already aborted signal', () => {
    const controller = new AbortController();
    controller.abort(new Error('navigated away'));
    expect(() => classifyPage(parse('<title>x</title>'), 'https://example.net/', { signal: controller.signal })).toThrow('navigated away');
  });

  it('throws an AbortError when the signal gives no reason', () => {
    const signal = { aborted: true, reason: undefined } as unknown as AbortSignal;
    expect(() => classifyPage(parse('<title>x</title>'), 'https://example.net/', { signal })).toThrow(expect.objectContaining({ name: 'AbortError' }));
  });

  it('checks the signal between steps', () => {
    let reads = 0;
    const signal = {
      get aborted() {
        reads += 1;
        return reads > 2;
      },
      reason: new Error('stale'),
    } as unknown as AbortSignal;
    expect(() => classifyPage(parse('<title>x</title>'), 'https://example.net/', { signal })).toThrow('stale');
    let count = 0;
    const counting = {
      get aborted() {
        count += 1;
        return false;
      },
    } as unknown as AbortSignal;
    classifyPage(parse('<title>x</title>'), 'https://example.net/', { signal: counting });
    expect(count).toBeGreaterThanOrEqual(3);
  });
});

describe('source rules', () => {
  const sources = readdirSync(DETECT_DIR)
    .filter((name) => name.endsWith('.ts'))
    .map((name) => [name, readFileSync(`${DETECT_DIR}${name}`, 'utf8')] as const);

  it.each(sources.map(([name]) => [name]))('%s is pure and cheap', (name) => {
    const source = sources.find(([candidate]) => candidate === name)?.[1] ?? '';
    expect(source).not.toMatch(/\.innerText\b/);
    expect(source).not.toMatch(/querySelectorAll\(\s*['"]\*['"]\s*\)/);
    expect(source).not.toMatch(/getElementsByTagName\(\s*['"]\*['"]\s*\)/);
    // Page-wide queries look at every element however few they need: elements.ts walks a bounded prefix.
    expect(source).not.toMatch(/\bdocument\.(?:querySelectorAll|getElementsBy\w+)\(/);
    expect(source).not.toMatch(/\bbrowser\.|\bchrome\.|from 'node:|\bwindow\.|\bglobalThis\b|\bNodeFilter\./);
  });
});

describe('the bounded element walk', () => {
  it('picks out what the detectors read, in document order, and nothing else', () => {
    const document = parse(`<html><head><title>t</title></head><body>
      <h1>Title</h1><div role="heading">Role heading</div><summary>More</summary><h5>Too small</h5>
      <a href="/out">Sign out</a><a name="anchor">No href</a><button>Save</button><span role="menuitem">Menu</span>
      <label for="port">Port</label><label>Bare label</label><input id="port"><select></select><textarea></textarea>
      <table><tr><td>a</td><td>b</td></tr></table><dl><dt>k</dt><dd>v</dd></dl></body></html>`);
    const found = collectElements(document);
    const texts = (list: Element[]) => list.map((element) => element.textContent?.trim() || element.localName);
    expect(texts(found.headings)).toEqual(['Title', 'Role heading', 'More']);
    expect(texts(found.actions)).toEqual(['Sign out', 'Save', 'Menu']);
    expect(texts(found.labels)).toEqual(['Port']);
    expect(found.controls.map((element) => element.localName)).toEqual(['input', 'select', 'textarea']);
    expect(found.tables).toHaveLength(1);
    expect(found.lists).toHaveLength(1);
    expect(found.truncated).toBe(false);
  });

  it('stops at its budget, then reads the end of the page, where webmail apps add their dialogs', () => {
    const table = (server: string) => `<table><tr><td>Outgoing server</td><td>${server}</td></tr></table>`;
    const html = `<html><body>${table('first')}${'<span></span>'.repeat(50)}${table('middle')}${'<span></span>'.repeat(50)}<div role="dialog">${table('last')}<h2 role="button">Save</h2></div></body></html>`;
    const document = parse(html);
    expect(collectElements(document).tables).toHaveLength(3);
    const headOnly = collectElements(document, 20, 0);
    expect(headOnly.tables.map((element) => element.textContent)).toEqual(['Outgoing serverfirst']);
    expect(headOnly.truncated).toBe(true);
    const withTail = collectElements(document, 20, 10);
    // The middle table lies in neither part; the dialog's table and its heading-button are taken once each.
    expect(withTail.tables.map((element) => element.textContent)).toEqual(['Outgoing serverfirst', 'Outgoing serverlast']);
    expect(withTail.headings.map((element) => element.textContent)).toEqual(['Save']);
    expect(withTail.actions.map((element) => element.textContent)).toEqual(['Save']);
    expect(withTail.visited).toBe(30);
    // A tail that reaches back into the part already read takes nothing twice.
    const overlapping = collectElements(document, 60, 1000);
    expect(overlapping.tables).toHaveLength(3);
    expect(new Set(overlapping.tables).size).toBe(3);
  });

  it("passes over a <template>'s content, which a browser does not show, as the classify CLI's parser gives it as children", () => {
    const form = `<fieldset><legend>Outgoing mail (SMTP)</legend><label for="h">SMTP server</label><input id="h" value="smtp.example.net">
      <label for="p">Port</label><input id="p" value="587"><label for="s">Security</label><select id="s"><option selected>STARTTLS</option></select>
      <label for="u">Username</label><input id="u" value="jane@example.net"><label for="w">Password</label><input id="w" type="password"></fieldset>`;
    const page = (body: string) => parse(`<html><head><title>Mail</title></head><body><h1>Inbox</h1><p>jane@example.net</p>${body}<button>Compose</button></body></html>`);
    const inTemplate = page(`<template id="identity"><div role="dialog"><h2>Edit identity</h2>${form}</div></template>`);
    const found = collectElements(inTemplate);
    expect(found.controls).toEqual([]);
    expect(found.headings.map((element) => element.textContent)).toEqual(['Inbox']);
    expect(found.actions.map((element) => element.textContent)).toEqual(['Compose']);
    expect(classifyPage(inTemplate, 'https://mail.example.net/').kind).toBe('none');
    // Taken out of its template (the dialog opened), the same form is an account's settings; so is the end
    // of a page read from its tail.
    const opened = page(`<div role="dialog"><h2>Edit identity</h2>${form}</div>`);
    expect(collectElements(opened).controls).toHaveLength(5);
    expect(classifyPage(opened, 'https://mail.example.net/').kind).toBe('account');
    // Read from its tail, the page still gives what lies outside the template, and nothing inside it.
    const fromTail = collectElements(inTemplate, 3, 100);
    expect(fromTail.controls).toEqual([]);
    expect(fromTail.headings.map((element) => element.textContent)).toEqual(['Inbox']);
    expect(fromTail.actions.map((element) => element.textContent)).toEqual(['Compose']);
  });

  it('counts no template content against its budget, nested, empty or last on the page', () => {
    const filler = '<span></span>'.repeat(60);
    const nested = `<template><div>${filler}<template><input id="deep"></template><input id="inner"></div></template>`;
    const html = `<html><body><h1>Top</h1>${nested}<template></template><label for="p">Port</label><input id="p"><template><select></select>${filler}</template></body></html>`;
    const document = parse(html);
    const all = collectElements(document);
    expect(all.controls.map((element) => element.id)).toEqual(['p']);
    expect(all.labels.map((element) => element.textContent)).toEqual(['Port']);
    // html, body, h1, three templates, label, input: the 120 filler spans inside templates are not counted.
    expect(all.visited).toBe(8);
    expect(all.truncated).toBe(false);
    // A budget too small for the page: the tail (before the last template) gives the port field, never the select inside it.
    const tight = collectElements(document, 4, 3);
    expect(tight.truncated).toBe(true);
    expect(tight.controls.map((element) => element.id)).toEqual(['p']);
    expect(tight.headings.map((element) => element.textContent)).toEqual(['Top']);
  });
});

import { describe, expect, it } from 'vitest';
import { DEFAULT_TARGET, type TargetSettings } from '../../src/core/clients/types';
import { carryToTarget, pageSubmission, withProfileServer } from '../../src/extension/content/page-target';
import { GAP, PILL, TAB, placeBeside, placeFloating } from '../../src/extension/content/placement';
import { hintWording } from '../../src/extension/content/wording';
import { effectiveReport, withoutReports, withReport, type PageReport } from '../../src/extension/background/page-reports';
import { newDocumentToken, parseMessage, type PageSettings } from '../../src/extension/platform/messages';

const page = (outgoingServer: string | null, port: number | null, security: PageSettings['security']): PageSettings => ({ outgoingServer, port, security });

describe('hint wording follows the page', () => {
  it('confirms 465 with SSL/TLS on an account page that gives it, and never names 587 there', () => {
    const words = hintWording('account', page('mail.example.net', 465, 'tls'));
    expect(words.line).toEqual(['hintAccountFollowsLine', 465, 'SSL/TLS']);
    expect(words.body).toEqual(['hintAccountFollows', 465, 'SSL/TLS']);
  });

  it('reads 465 without a stated security as SSL/TLS, 587 as STARTTLS', () => {
    expect(hintWording('account', page(null, 465, null)).line).toEqual(['hintAccountFollowsLine', 465, 'SSL/TLS']);
    expect(hintWording('account', page(null, 587, null)).line).toEqual(['hintAccountFollowsLine', 587, 'STARTTLS']);
    expect(hintWording('account', page(null, 587, 'tls')).line).toEqual(['hintAccountFollowsLine', 587, 'SSL/TLS']);
  });

  it('names 587 with STARTTLS where the page has port 25, no port or no encryption', () => {
    for (const settings of [page('smtp.example.net', 25, 'none'), page(null, null, null), page(null, 587, 'none')]) {
      expect(hintWording('account', settings)).toEqual({ line: ['hintAccountLine'], body: ['hintAccount'] });
    }
  });

  it('articles keep their own words', () => {
    expect(hintWording('article', page(null, 465, 'tls'))).toEqual({ line: ['hintArticleLine'], body: ['hintArticle'] });
  });
});

describe('what "Open the checklist" carries', () => {
  const tested: TargetSettings = { server: 'smtp.checked.example', port: 465, security: 'tls', authentication: 'password', username: { form: 'address', pattern: '%EMAILADDRESS%', value: 'a@checked.example' } };

  it('takes the page\'s server, port and security', () => {
    expect(carryToTarget(DEFAULT_TARGET, false, page('smtp.page.example', 465, 'tls'), '')).toEqual({
      target: { server: 'smtp.page.example', port: 465, security: 'tls', authentication: 'password' },
      tested: false,
    });
  });

  it('uses the profile\'s server when the page names none', () => {
    expect(carryToTarget(DEFAULT_TARGET, false, page(null, 587, 'starttls'), 'smtp.profile.example').target).toEqual({
      server: 'smtp.profile.example',
      port: 587,
      security: 'starttls',
      authentication: 'password',
    });
  });

  it('keeps what a check confirmed for the same server, and drops its login name for another one', () => {
    expect(carryToTarget(tested, true, page('smtp.checked.example', 587, 'starttls'), 'smtp.profile.example')).toEqual({ target: tested, tested: true });
    expect(carryToTarget(tested, true, page(null, null, null), 'smtp.profile.example')).toEqual({ target: tested, tested: true });
    const other = carryToTarget(tested, true, page('smtp.other.example', null, null), '');
    expect(other).toEqual({ target: { server: 'smtp.other.example', port: 587, security: 'starttls', authentication: 'password' }, tested: false });
  });

  it('does not keep another page\'s server, untested, for a page that names none', () => {
    const fromLastPage: TargetSettings = { server: 'smtp.lastpage.example', port: 465, security: 'tls', authentication: 'password' };
    expect(carryToTarget(fromLastPage, false, page(null, null, null), '')).toEqual({ target: DEFAULT_TARGET, tested: false });
    expect(carryToTarget(fromLastPage, false, page(null, 465, 'tls'), '').target).toEqual({ server: null, port: 465, security: 'tls', authentication: 'password' });
    expect(carryToTarget(fromLastPage, false, page(null, null, null), 'smtp.profile.example').target.server).toBe('smtp.profile.example');
  });

  it('does not carry port 25 or an unencrypted setting into the checklist', () => {
    expect(pageSubmission(page('smtp.page.example', 25, 'none'))).toBeNull();
    expect(pageSubmission(page('smtp.page.example', 587, 'none'))).toBeNull();
    expect(carryToTarget(DEFAULT_TARGET, false, page('smtp.page.example', 25, 'none'), '').target).toMatchObject({ port: 587, security: 'starttls' });
  });

  it('fills the profile\'s server for display only where no server is known', () => {
    expect(withProfileServer(DEFAULT_TARGET, 'smtp.profile.example').server).toBe('smtp.profile.example');
    expect(withProfileServer(tested, 'smtp.profile.example')).toBe(tested);
    expect(withProfileServer(DEFAULT_TARGET, '')).toBe(DEFAULT_TARGET);
  });

  it('the hint message carries port and security, and refuses bad ones', () => {
    expect(parseMessage({ type: 'hint:open', view: 'checklist', clientId: null, server: 'smtp.page.example', port: 465, security: 'tls' })).toEqual({
      type: 'hint:open',
      view: 'checklist',
      clientId: null,
      server: 'smtp.page.example',
      port: 465,
      security: 'tls',
    });
    expect(parseMessage({ type: 'hint:open', view: 'check', clientId: null, server: null })).toMatchObject({ port: null, security: null });
    expect(parseMessage({ type: 'hint:open', view: 'check', clientId: null, server: null, port: 70000, security: null })).toBeNull();
    expect(parseMessage({ type: 'hint:open', view: 'check', clientId: null, server: null, port: 587, security: 'ssl' })).toBeNull();
  });

  it("a page's report and its leaving name the page's document, and carry nothing else it could slip in", () => {
    const document = newDocumentToken();
    expect(document).toMatch(/^[0-9a-f]{32}$/);
    expect(newDocumentToken()).not.toBe(document);
    expect(parseMessage({ type: 'page:left', document, settings: { outgoingServer: 'smtp.page.example' }, frameId: 0 })).toEqual({ type: 'page:left', document });
    expect(parseMessage({ type: 'page:left' })).toBeNull();
    expect(parseMessage({ type: 'page:left', document: 'a'.repeat(33) })).toBeNull();
    const settings = { outgoingServer: 'smtp.page.example', port: 587, security: 'starttls' };
    expect(parseMessage({ type: 'page:classified', kind: 'article', settings, clientId: null, document, at: 1 })).toEqual({ type: 'page:classified', kind: 'article', settings, clientId: null, document });
    expect(parseMessage({ type: 'page:classified', kind: 'article', settings, clientId: null })).toBeNull();
  });
});

describe("which frame's report a tab goes by", () => {
  const report = (frameId: number, kind: 'article' | 'account', at: number): PageReport => ({
    type: 'page:classified',
    kind,
    settings: page(`smtp.frame${frameId}.example`, 587, 'starttls'),
    clientId: null,
    document: String(frameId).padStart(32, '0'),
    frameId,
    at,
  });

  it("takes the top page's, unless a frame shows an account and the top page an article", () => {
    expect(effectiveReport({})).toBeNull();
    const top = report(0, 'article', 1);
    expect(effectiveReport({ 0: top })).toBe(top);
    const pane = report(3, 'account', 2);
    expect(effectiveReport({ 0: top, 3: pane })).toBe(pane);
    const topAccount = report(0, 'account', 5);
    expect(effectiveReport({ 0: topAccount, 3: pane })).toBe(topAccount);
    // Without the top page's report, the latest frame's; of two frames' accounts, the latest.
    const later = report(4, 'account', 9);
    expect(effectiveReport({ 3: pane, 4: later })).toBe(later);
    expect(effectiveReport({ 0: top, 3: pane, 4: later })).toBe(later);
    expect(effectiveReport({ 5: report(5, 'article', 1) })?.frameId).toBe(5);
  });

  it("drops only the reports that no longer hold: a frame's leaving leaves the top page's", () => {
    const frames = withReport(withReport({}, report(0, 'article', 1)), report(3, 'account', 2));
    expect(effectiveReport(frames)?.frameId).toBe(3);
    const withoutPane = withoutReports(frames, (kept) => kept.frameId === 3);
    expect(Object.keys(withoutPane)).toEqual(['0']);
    expect(effectiveReport(withoutPane)?.frameId).toBe(0);
    // A frame's new report replaces its last one.
    expect(Object.keys(withReport(frames, report(3, 'article', 7)))).toEqual(['0', '3']);
    expect(withReport(frames, report(3, 'article', 7))['3']?.kind).toBe('article');
  });
});

describe('where the floating hint goes', () => {
  it('a one-line bar in a margin wide enough for it', () => {
    // 1280 px window, 720 px column centred: 280 px each side.
    const placement = placeFloating(1280, { left: 280, right: 1000 }, 250);
    expect(placement).toMatchObject({ shape: 'bar', side: 'right' });
    expect(placement.inset + 250).toBeLessThanOrEqual(280);
    expect(placement.panelWidth).toBeLessThanOrEqual(280 - 2 * GAP);
  });

  it('a round button when only that fits, centred in the margin', () => {
    const placement = placeFloating(1000, { left: 140, right: 860 }, 250);
    expect(placement).toMatchObject({ shape: 'pill', side: 'right', inset: 50 });
    expect(placement.inset + PILL).toBeLessThanOrEqual(140);
  });

  it('a tab flush with the edge when the text runs almost to it, on the wider side', () => {
    expect(placeFloating(700, { left: 24, right: 676 }, 250)).toMatchObject({ shape: 'tab', side: 'right', inset: 0 });
    expect(placeFloating(700, { left: 30, right: 690 }, 250)).toMatchObject({ shape: 'tab', side: 'left' });
    expect(TAB).toBeLessThanOrEqual(24);
  });

  it('the wider margin when the column sits to one side', () => {
    expect(placeFloating(1280, { left: 500, right: 1260 }, 250)).toMatchObject({ shape: 'bar', side: 'left' });
  });

  it('with no column found, bottom right as a bar', () => {
    expect(placeFloating(800, null, 250)).toMatchObject({ shape: 'bar', side: 'right' });
  });
});

describe('where the account-page hint goes', () => {
  const anchor = { left: 100, top: 300, right: 260, bottom: 330 };
  // The outgoing block: server field above the anchor (the port), security menu below it.
  const settings = { left: 90, top: 260, right: 300, bottom: 370 };
  // A test-mail field under the port that runs further right than it.
  const testMail = { left: 175, top: 370, right: 410, bottom: 392 };

  it('right of the field, past the controls on its row', () => {
    const security = { left: 280, top: 302, right: 420, bottom: 328 };
    const below = { left: 100, top: 340, right: 900, bottom: 370 };
    expect(placeBeside(1280, 0, anchor, [security, below], 250)).toMatchObject({ shape: 'bar', left: 420 + GAP, top: 300 });
  });

  it('past a wider field on the row below where the bar is taller than its row', () => {
    // A form whose fields do not line up: the user-name field under the port runs 40 pixels further right.
    const user = { left: 120, top: 334, right: 300, bottom: 354 };
    const further = { left: 100, top: 380, right: 900, bottom: 400 };
    expect(placeBeside(1280, 0, anchor, [user, further], 250, undefined, 40)).toMatchObject({ shape: 'bar', left: 300 + GAP, top: 300 });
    // As tall as its row, the bar reaches no row below; a narrower field below is no obstacle either.
    expect(placeBeside(1280, 0, anchor, [user], 250, undefined, 30)).toMatchObject({ left: 260 + GAP });
    expect(placeBeside(1280, 0, anchor, [{ ...user, right: 240 }], 250, undefined, 40)).toMatchObject({ left: 260 + GAP });
    // A label wrapping the field ends where the field does (a pixel past it, rounded); one with words after the field runs on.
    const wrapping = { left: 60, top: 300, right: 261, bottom: 330 };
    expect(placeBeside(1280, 0, anchor, [wrapping], 250, undefined, 40)).toMatchObject({ left: 260 + GAP });
    expect(placeBeside(1280, 0, anchor, [{ ...wrapping, right: 380 }], 250, undefined, 40)).toMatchObject({ left: 380 + GAP });
  });

  it('opens the note clear of the rows it reaches below, where the window has room for it there', () => {
    // The bar clears the port's row only; the open note, 280 pixels tall, reaches a test-mail field and its button below.
    const placement = placeBeside(1280, 0, anchor, [testMail], 250, undefined, 40, 280);
    expect(placement).toMatchObject({ shape: 'bar', left: 260 + GAP, panelLeft: 410 + GAP, panelTop: 300 });
    // Before its height is known, it opens beside the bar.
    expect(placeBeside(1280, 0, anchor, [testMail], 250, undefined, 40).panelLeft).toBe(260 + GAP);
  });

  it('opens the note below the form where the window has room beside the anchor but none past the rows the note reaches', () => {
    const form = { left: 10, top: 200, right: 420, bottom: 460 };
    const around = { settings, form, viewportHeight: 800 };
    // 660 pixels leave room for the note right of the port (388) but not right of the test-mail field (238).
    const placement = placeBeside(660, 0, anchor, [testMail], 250, around, 40, 280);
    expect(placement).toMatchObject({ shape: 'bar', left: 260 + GAP, panelTop: 460 + GAP });
    const panel = { left: placement.panelLeft, right: placement.panelLeft + placement.panelWidth, top: placement.panelTop, bottom: placement.panelTop + 280 };
    expect(Math.min(panel.bottom, testMail.bottom) > Math.max(panel.top, testMail.top)).toBe(false);
    // Its height not known yet, the note opens beside the port, as nothing on the port's row stands in its way.
    expect(placeBeside(660, 0, anchor, [testMail], 250, around, 40)).toMatchObject({ panelLeft: 260 + GAP, panelTop: 300 });
  });

  it('with no form that fits below, keeps the note beside the bar, where below the settings it would cover the same rows further away', () => {
    expect(placeBeside(660, 0, anchor, [testMail], 250, { settings, viewportHeight: 800 }, 40, 280)).toMatchObject({ panelLeft: 260 + GAP, panelTop: 300 });
    const tall = { left: 10, top: 200, right: 420, bottom: 1400 };
    expect(placeBeside(660, 0, anchor, [testMail], 250, { settings, form: tall, viewportHeight: 800 }, 40, 280)).toMatchObject({ panelLeft: 260 + GAP, panelTop: 300 });
    expect(placeBeside(660, 0, anchor, [testMail], 250, undefined, 40, 280)).toMatchObject({ panelLeft: 260 + GAP, panelTop: 300 });
  });

  it('below the dialog round the form where it fits, else below the form; level with the anchor in a wide window', () => {
    const form = { left: 60, top: 200, right: 820, bottom: 460 };
    const dialog = { left: 40, top: 150, right: 840, bottom: 520 };
    const wide = { ...anchor, left: 400, right: 480 };
    // The test-mail field under the port, running to the form's right edge.
    const besideRow = { ...testMail, left: 420, right: 800 };
    // The dialog's buttons below the form stay clear, and the note starts under the field, not at the dialog's edge.
    expect(placeBeside(1000, 0, wide, [besideRow], 250, { settings, form, outer: dialog, viewportHeight: 800 }, 40, 280)).toMatchObject({ panelTop: 520 + GAP, panelLeft: 400 });
    // A dialog as tall as the page does not fit below the anchor: below the form, which does.
    const pageSized = { ...dialog, top: 0, bottom: 2000 };
    expect(placeBeside(1000, 0, wide, [besideRow], 250, { settings, form, outer: pageSized, viewportHeight: 800 }, 40, 280)).toMatchObject({ panelTop: 460 + GAP });
  });

  it('a round button, then a tab at the window edge, as room runs out', () => {
    expect(placeBeside(340, 0, anchor, [], 250)).toMatchObject({ shape: 'pill', left: 260 + GAP });
    expect(placeBeside(300, 0, anchor, [], 250)).toMatchObject({ shape: 'tab', left: 300 - TAB });
  });

  it('keeps the open panel inside the window', () => {
    const placement = placeBeside(600, 0, anchor, [], 250);
    expect(placement.panelLeft + placement.panelWidth).toBeLessThanOrEqual(600 - GAP);
    expect(placement.panelLeft).toBeGreaterThanOrEqual(GAP);
  });

  const overlaps = (a: { left: number; right: number; top: number; bottom: number }, b: typeof a) =>
    Math.min(a.right, b.right) > Math.max(a.left, b.left) && Math.min(a.bottom, b.bottom) > Math.max(a.top, b.top);

  it('opens beside the anchor, level with it, where the window has room for the panel', () => {
    const placement = placeBeside(1280, 0, anchor, [], 250, { settings, viewportHeight: 800 });
    expect(placement).toMatchObject({ panelLeft: 260 + GAP, panelTop: 300 });
  });

  it('in a narrow window, opens below the outgoing settings, as wide as the window allows, covering none of them', () => {
    const placement = placeBeside(360, 0, anchor, [], 250, { settings, viewportHeight: 800 });
    expect(placement.shape).toBe('pill');
    expect(placement.panelTop).toBe(370 + GAP);
    expect(placement.panelWidth).toBe(360 - 2 * GAP);
    expect(placement.panelLeft).toBe(GAP);
    const panel = { left: placement.panelLeft, right: placement.panelLeft + placement.panelWidth, top: placement.panelTop, bottom: placement.panelTop + 300 };
    expect(overlaps(panel, settings)).toBe(false);
    expect(overlaps(panel, anchor)).toBe(false);
  });

  it('in a narrow window, opens below the whole form the settings stand in, so it covers none of its fields or buttons', () => {
    const form = { left: 10, top: 200, right: 350, bottom: 520 };
    const placement = placeBeside(360, 0, anchor, [], 250, { settings, form, viewportHeight: 800 });
    expect(placement.panelTop).toBe(520 + GAP);
    const panel = { left: placement.panelLeft, right: placement.panelLeft + placement.panelWidth, top: placement.panelTop, bottom: placement.panelTop + 300 };
    expect(overlaps(panel, form)).toBe(false);
  });

  it('below the settings, not the form, when the form runs on past most of the window', () => {
    const longForm = { left: 10, top: 200, right: 350, bottom: 1200 };
    expect(placeBeside(360, 0, anchor, [], 250, { settings, form: longForm, viewportHeight: 800 }).panelTop).toBe(370 + GAP);
  });

  it('below the anchor alone when the settings run on far past it, so the note stays near its button', () => {
    const tall = { left: 90, top: 260, right: 300, bottom: 1400 };
    expect(placeBeside(380, 0, anchor, [], 250, { settings: tall, viewportHeight: 800 }).panelTop).toBe(330 + GAP);
  });

  it('scrolled sideways, the panel below stays inside the window', () => {
    const placement = placeBeside(380, 500, { left: 520, top: 300, right: 860, bottom: 330 }, [], 250);
    expect(placement.panelLeft).toBeGreaterThanOrEqual(500 + GAP);
    expect(placement.panelLeft + placement.panelWidth).toBeLessThanOrEqual(500 + 380 - GAP);
    expect(placement.panelTop).toBe(330 + GAP);
  });
});

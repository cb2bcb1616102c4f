/**
 * What each frame of a tab said its page is, and which of those reports the popup and the badge go by.
 * Kept per frame, so that a frame's page leaving takes only its own report: a webmail's settings frame
 * closing leaves the page around it reported as before.
 */
import type { Message } from '../platform/messages';

export type PageReport = Extract<Message, { type: 'page:classified' }> & {
  frameId: number;
  /** When the report came (ms since the epoch): of several frames' accounts, the latest counts. */
  at: number;
};

/** Reports by frame id (as a string: storage keys). */
export type FrameReports = Record<string, PageReport>;

/**
 * The tab's page as the popup should take it: the top page's report, unless a frame shows an account's
 * settings and the top page only an article (a webmail's settings pane in a help page, or a settings page
 * built around its frame); with no top page's report, the latest frame's.
 */
export function effectiveReport(frames: FrameReports): PageReport | null {
  const reports = Object.values(frames);
  const latest = (candidates: PageReport[]) => candidates.reduce<PageReport | null>((best, report) => (best === null || report.at >= best.at ? report : best), null);
  const top = frames['0'] ?? null;
  const frameAccount = latest(reports.filter((report) => report.frameId !== 0 && report.kind === 'account'));
  if (top !== null) return top.kind === 'article' && frameAccount !== null ? frameAccount : top;
  return latest(reports);
}

/** The frames' reports with one more; a frame's new report replaces its last one. */
export function withReport(frames: FrameReports, report: PageReport): FrameReports {
  return { ...frames, [String(report.frameId)]: report };
}

/** The frames' reports without those `gone` says no longer hold. */
export function withoutReports(frames: FrameReports, gone: (report: PageReport) => boolean): FrameReports {
  return Object.fromEntries(Object.entries(frames).filter(([, report]) => !gone(report)));
}

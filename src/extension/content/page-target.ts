/**
 * What the checklist shows after "Open the checklist" on a page: the page's own outgoing server, port
 * and security, with the helpdesk profile's server when the page names none. Pure, so it is unit-tested
 * without a browser; the background applies it when the hint asks for the popup.
 */
import type { TargetSettings } from '../../core/clients/types';
import { DEFAULT_TARGET } from '../../core/clients/types';
import type { PageSettings } from '../platform/messages';
import { SUBMISSION_PORTS } from '../../core/diagnosis/submission';

/**
 * The page's sending setting when it is one a mail program should use: a submission port with
 * encryption. 465 means TLS from the first byte unless the page says otherwise; 587 and 2525 mean
 * STARTTLS unless the page says SSL/TLS. Null for port 25, no port, or "no encryption".
 */
export function pageSubmission(page: PageSettings): Pick<TargetSettings, 'port' | 'security'> | null {
  if (page.port === null || !SUBMISSION_PORTS.has(page.port) || page.security === 'none') return null;
  return { port: page.port, security: page.security ?? (page.port === 465 ? 'tls' : 'starttls') };
}

export interface CarriedTarget {
  target: TargetSettings;
  tested: boolean;
}

/**
 * The checklist's values once the person opened it from a page. Server: the page's, else the one a
 * server check confirmed, else the profile's, else none. A server that was there untested came from
 * another page (a check's "Use these settings" is the only other writer), so it is not kept: the steps
 * would tell this page's reader to type another provider's server. When a check confirmed settings for
 * that same server, they stay. Otherwise port and security are the page's when it states a usable
 * submission setting, else what was shown for the same server, else the defaults (587, STARTTLS).
 */
export function carryToTarget(current: TargetSettings, tested: boolean, page: PageSettings, profileServer: string): CarriedTarget {
  const server = page.outgoingServer ?? (tested ? current.server : null) ?? (profileServer || null);
  const sameServer = server === current.server;
  // What a check of this very server found outranks what a page says about it.
  if (tested && sameServer) return { target: current, tested: true };
  const submission = pageSubmission(page);
  const { port, security } = submission ?? (sameServer ? current : DEFAULT_TARGET);
  const target: TargetSettings = { server, port, security, authentication: current.authentication };
  // A login name belongs to the server it was found for.
  if (sameServer && current.username !== undefined) target.username = current.username;
  return { target, tested: false };
}

/** The checklist's values with the profile's server filled in where none is known. Display only. */
export function withProfileServer(target: TargetSettings, profileServer: string): TargetSettings {
  return target.server || !profileServer ? target : { ...target, server: profileServer };
}

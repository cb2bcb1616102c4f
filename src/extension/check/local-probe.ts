/**
 * The customer's own view of their server, from the local probe (the CLI's `--native-host` mode) through
 * native messaging. The feature is on when the optional `nativeMessaging` permission is granted: the popup
 * asks for it from the person's click, and turning it off gives it back.
 * The host's replies are input from another program: `parseNativeReply` (outside-report.ts) checks them.
 */
import type { ProbePort, ProbeReport } from '../../core/api';
import { hostBrowserFrom, type HostBrowser } from '../../core/local-command';
import { HOST_NAME, LOCAL_TIMEOUT_MS, type NativeProbeRequest } from '../../core/native-protocol';
import { browser } from '../platform/browser';
import { parseNativeReply } from './outside-report';

const PERMISSION = { permissions: ['nativeMessaging' as const] };

/**
 * - unsupported: this browser has no native messaging (Firefox for Android): nothing is offered;
 * - off: the permission is not granted;
 * - restart: granted, but this browser only binds the API after the extension restarts (Chrome does this
 *   for a permission granted at run time; the background restarts it by itself once no check is running);
 * - missing: granted, but the helper is not installed on this computer;
 * - broken: the helper is installed but does not start or answer (detail: the browser's words);
 * - ready: the helper answered.
 */
export type LocalAvailability =
  | { state: 'unsupported' | 'off' | 'restart' | 'missing' | 'ready' }
  | { state: 'broken'; detail: string };

export type LocalOutcome =
  | { ok: true; report: ProbeReport }
  | { ok: false; kind: 'missing' | 'restart' | 'failed' | 'dns'; detail: string; code?: string };

/** Chrome: "Specified native messaging host not found."; Firefox: "No such native application …". */
function isMissingHost(message: string): boolean {
  return /not found|no such native application/i.test(message);
}

/** Firefox for Android lists the permission but has no native messaging at all. */
function nativeMessagingImpossible(): boolean {
  return /\bAndroid\b/.test(navigator.userAgent);
}

export function hasNativeMessaging(): boolean {
  return typeof browser.runtime.sendNativeMessage === 'function' || typeof (globalThis as { chrome?: { runtime?: { sendNativeMessage?: unknown } } }).chrome?.runtime?.sendNativeMessage === 'function';
}

export async function localPermissionGranted(): Promise<boolean> {
  try {
    return await browser.permissions.contains(PERMISSION);
  } catch {
    // A browser that does not know the permission at all.
    return false;
  }
}

/** Must run straight from the person's click: a prompt may not follow another await. */
export function requestLocalPermission(): Promise<boolean> {
  return browser.permissions.request(PERMISSION).catch(() => false);
}

export function removeLocalPermission(): Promise<boolean> {
  return browser.permissions.remove(PERMISSION).catch(() => false);
}

export function currentHostBrowser(): HostBrowser {
  const brands = (navigator as { userAgentData?: { brands?: { brand: string }[] } }).userAgentData?.brands?.map((entry) => entry.brand) ?? [];
  return hostBrowserFrom(navigator.userAgent, brands);
}

async function send(message: unknown): Promise<unknown> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(Object.assign(new Error('The helper on this computer did not answer in time.'), { code: 'no-answer' })), LOCAL_TIMEOUT_MS);
  });
  try {
    return await Promise.race([browser.runtime.sendNativeMessage(HOST_NAME, message), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Whether the helper is there, without probing anything: the host serves only probe requests, so a probe
 * request without a target comes straight back as an `invalid-request` error, and any reply proves it runs.
 */
export async function localAvailability(): Promise<LocalAvailability> {
  if (nativeMessagingImpossible()) return { state: 'unsupported' };
  if (!(await localPermissionGranted())) return { state: 'off' };
  // Granted, yet the API is not there: Chrome binds it only in pages and workers started after the grant.
  if (!hasNativeMessaging()) return { state: 'restart' };
  try {
    const reply = parseNativeReply(await send({ type: 'probe', id: 'presence' }));
    return reply ? { state: 'ready' } : { state: 'broken', detail: 'The helper answered in a way this version does not understand.' };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return isMissingHost(message) ? { state: 'missing' } : { state: 'broken', detail: message };
  }
}

/** Runs the local probe of `target` on `ports`; settles with the report or a reason, never throws. */
export async function probeLocally(target: string, ports: ProbePort[], id: string): Promise<LocalOutcome> {
  const request: NativeProbeRequest = { type: 'probe', id, target, ports };
  if (!hasNativeMessaging()) return { ok: false, kind: 'restart', detail: '' };
  try {
    const reply = parseNativeReply(await send(request));
    if (!reply) return { ok: false, kind: 'failed', detail: 'The helper answered in a way this version does not understand.' };
    if (reply.type === 'error') return { ok: false, kind: reply.code === 'dns-unavailable' ? 'dns' : 'failed', detail: reply.message, code: reply.code };
    return { ok: true, report: reply.report };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const code = (error as { code?: unknown } | null)?.code;
    if (isMissingHost(message)) return { ok: false, kind: 'missing', detail: '' };
    return typeof code === 'string' ? { ok: false, kind: 'failed', detail: message, code } : { ok: false, kind: 'failed', detail: message };
  }
}

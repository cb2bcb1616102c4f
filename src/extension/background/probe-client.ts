/**
 * Runs a server check through the probe service and keeps its state in storage.session, so the
 * popup and the agent panel can close and reopen at any time and still see progress and result.
 * Only the target the person typed, selected or confirmed is sent: no page content.
 */
import type { ApiErrorBody, ProbePort } from '../../core/api';
import { parseTarget } from '../../core/target';
import { targetFaultWords } from '../ui/target-fault-words';
import { browser } from '../platform/browser';
import { t } from '../platform/i18n';
import { applyEvent, CHECK_KEY, errorFromApi, failCheck, parseProbeEvent, startCheck, type CheckError, type CheckState } from '../check/check-state';
import { localPermissionGranted, probeLocally } from '../check/local-probe';
import { readOptions } from '../settings/options';
import { writeItems } from '../settings/storage';

/** Longer than the service's whole-probe timeout (30 s) plus discovery, so the service answers first. */
const REQUEST_TIMEOUT_MS = 75_000;

let current: AbortController | null = null;
/** The id of the newest check: a local result that arrives after a newer check started is dropped. */
let latestId = '';
/** Checks and local probes still going, so a restart of the extension can wait for them. */
let inFlight = 0;
let idleWaiters: (() => void)[] = [];

function track<T>(work: Promise<T>): Promise<T> {
  inFlight += 1;
  return work.finally(() => {
    inFlight -= 1;
    if (inFlight > 0) return;
    const waiters = idleWaiters;
    idleWaiters = [];
    for (const wake of waiters) wake();
  });
}

/** Settles once no check, from the service or from this computer, is running. */
export function whenIdle(): Promise<void> {
  return inFlight === 0 ? Promise.resolve() : new Promise((resolve) => idleWaiters.push(resolve));
}

/** Saves only the newest check's state: a slower, replaced one must not overwrite it. */
async function save(state: CheckState): Promise<void> {
  if (state.id !== latestId) return;
  await browser.storage.session.set({ [CHECK_KEY]: state });
}

function retryAfter(response: Response, body: ApiErrorBody | null): number | null {
  const fromBody = body?.error.retryAfterSeconds;
  if (typeof fromBody === 'number' && fromBody >= 0) return Math.ceil(fromBody);
  const header = Number(response.headers.get('retry-after'));
  return Number.isFinite(header) && header >= 0 ? Math.ceil(header) : null;
}

async function errorBody(response: Response): Promise<ApiErrorBody | null> {
  try {
    const body = (await response.json()) as unknown;
    const error = (body as ApiErrorBody | null)?.error;
    return error && typeof error.code === 'string' && typeof error.message === 'string' ? (body as ApiErrorBody) : null;
  } catch {
    return null;
  }
}

/**
 * Start a check; the returned promise settles when the service's part is over (the state is saved along
 * the way). With `local`, and the helper permission granted, the same target is probed from this computer
 * in parallel, and its report lands in `state.local` whenever it arrives.
 */
export function runCheck(input: string, options: { local?: boolean } = {}): Promise<CheckState> {
  return track(check(input, options));
}

async function check(input: string, { local = false }: { local?: boolean }): Promise<CheckState> {
  current?.abort();
  const controller = new AbortController();
  current = controller;
  // Claimed before any await, so a check that started earlier but reads its options later stays behind.
  const id = crypto.randomUUID();
  latestId = id;
  const options = await readOptions();
  const ports: ProbePort[] = options.options.profile.allowedPorts;
  let state = startCheck(id, input.trim(), ports, Date.now());
  await save(state);
  await writeItems({ lastCheckInput: state.input });

  const parsed = parseTarget(input);
  if (!parsed.ok) {
    state = failCheck(state, { kind: 'invalid', detail: targetFaultWords(parsed.fault, t), retryAfterSeconds: null }, Date.now());
    await save(state);
    return state;
  }

  if (local && (await localPermissionGranted())) {
    state = { ...state, local: { status: 'running', report: null, error: null } };
    await save(state);
    // Not awaited: the service's stream below goes on beside it, and each side saves what it has.
    void track(probeLocally(parsed.value, ports, state.id)).then(async (outcome) => {
      if (latestId !== state.id) return;
      state = {
        ...state,
        local: outcome.ok
          ? { status: 'done', report: outcome.report, error: null }
          : { status: 'error', report: null, error: { kind: outcome.kind, detail: outcome.detail, ...(outcome.code ? { code: outcome.code } : {}) } },
      };
      await save(state);
    });
  }

  const timer = setTimeout(() => controller.abort(new DOMException('timeout', 'TimeoutError')), REQUEST_TIMEOUT_MS);
  const fail = async (error: CheckError) => {
    state = failCheck(state, error, Date.now());
    await save(state);
  };
  try {
    const response = await fetch(`${options.options.serviceUrl}/v1/probe`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/x-ndjson' },
      body: JSON.stringify({ target: parsed.value, ports }),
      signal: controller.signal,
      credentials: 'omit',
    });
    if (!response.ok || !response.body) {
      const body = await errorBody(response);
      const code = body?.error.code ?? (response.status === 429 ? 'rate-limited' : response.status === 503 ? 'busy' : 'internal');
      await fail(errorFromApi(code, body?.error.message ?? '', retryAfter(response, body)));
      return state;
    }
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (value) buffer += value;
      if (buffer.length > 4_000_000) throw new Error('The probe service sent more data than a report can hold.');
      let newline = buffer.indexOf('\n');
      while (newline >= 0) {
        const line = buffer.slice(0, newline).trim();
        buffer = buffer.slice(newline + 1);
        newline = buffer.indexOf('\n');
        if (!line) continue;
        let event;
        try {
          event = parseProbeEvent(JSON.parse(line));
        } catch {
          event = null;
        }
        if (!event) throw new Error('The probe service sent a line this version does not understand.');
        state = applyEvent(state, event, Date.now());
        await save(state);
      }
      if (done) break;
    }
    if (state.status === 'running') await fail({ kind: 'server', detail: 'The answer ended before the report was complete.', retryAfterSeconds: null });
  } catch (error) {
    if (current !== controller) return state; // a newer check replaced this one
    const timedOut = controller.signal.aborted;
    await fail({
      kind: timedOut ? 'timeout' : error instanceof TypeError ? 'unreachable' : 'server',
      detail: error instanceof TypeError || timedOut ? '' : (error as Error).message,
      retryAfterSeconds: null,
    });
  } finally {
    clearTimeout(timer);
    if (current === controller) current = null;
  }
  return state;
}

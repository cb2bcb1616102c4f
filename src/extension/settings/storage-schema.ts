/**
 * Every item the extension stores, its default, how a stored value is checked, and the migrations
 * between schema versions. Pure: no browser API, so unit tests run it on plain objects.
 * A value that fails its check is replaced by the default (never a blank popup); migrations run
 * once per version step, oldest first.
 */
import { AUTHENTICATIONS, isOneOf, isProbePort, isTcpPort, PROBE_PORTS, SECURITIES, USERNAME_FORMS, type Username } from '../../core/api';
import type { CheckedFallback, Submission } from '../../core/diagnosis/submission';
import type { TargetSettings } from '../../core/clients/types';
import { DEFAULT_TARGET } from '../../core/clients/types';
import { isProbeReport, type CheckState } from '../check/check-state';
import { checkOptions, DEFAULT_OPTIONS, type Options } from './options-schema';
import { hostOrNull, ID_PATTERN, isRecord, nullOr } from '../platform/validate';

export const SCHEMA_VERSION = 1;

/** Ticked steps of one client's checklist. */
export interface ClientProgress {
  done: string[];
  /** Epoch milliseconds of the last change. */
  updatedAt: number;
}

export interface StoredState {
  schemaVersion: number;
  /** The client picked last, so the popup opens on it. */
  lastClientId: string | null;
  /** The customer's client chosen last in agent mode: the agent's own choice in the popup stays apart. */
  agentClientId: string | null;
  progress: Record<string, ClientProgress>;
  /** The values the checklist shows; "Use these settings" from a server check replaces them. */
  target: TargetSettings;
  /** Whether `target` came from a server check ("Use these settings") rather than the defaults. */
  targetTested: boolean;
  /** The last server-check input, to prefill the field next time. */
  lastCheckInput: string;
  /** Options and helpdesk profile as the user set them (a managed policy is applied on read). */
  options: Options;
  /** Sites where the person dismissed the page hint, by host name. */
  dismissedSites: string[];
  /**
   * The last finished check, held across the extension's own restart (storage.session does not survive
   * one; see background/restart.ts). Null at all other times.
   */
  carriedCheck: CarriedCheck | null;
}

export interface CarriedCheck {
  savedAt: number;
  check: CheckState;
}

export const DEFAULTS: StoredState = {
  schemaVersion: SCHEMA_VERSION,
  lastClientId: null,
  agentClientId: null,
  progress: {},
  target: DEFAULT_TARGET,
  targetTested: false,
  lastCheckInput: '',
  options: DEFAULT_OPTIONS,
  dismissedSites: [],
  carriedCheck: null,
};

export type StoredKey = keyof StoredState;
export const STORED_KEYS = Object.keys(DEFAULTS) as StoredKey[];


function parseProgress(value: unknown): Record<string, ClientProgress> | undefined {
  if (!isRecord(value)) return undefined;
  const result: Record<string, ClientProgress> = {};
  for (const [clientId, entry] of Object.entries(value)) {
    // One damaged entry costs only that client's ticks, not everyone's.
    if (!ID_PATTERN.test(clientId) || !isRecord(entry) || !Array.isArray(entry.done)) continue;
    const done = [...new Set(entry.done.filter((id): id is string => typeof id === 'string' && ID_PATTERN.test(id)))];
    const updatedAt = typeof entry.updatedAt === 'number' && Number.isFinite(entry.updatedAt) ? entry.updatedAt : 0;
    result[clientId] = { done, updatedAt };
  }
  return result;
}

/** Text shown as a user name: no spaces, no control or format characters, not huge. */
const USERNAME_TEXT = /^[^\s\p{C}]{1,320}$/u;

/** null when absent or damaged: the card then shows no user name rather than a wrong one. */
function parseUsername(value: unknown): Username | null {
  if (!isRecord(value) || !isOneOf(USERNAME_FORMS, value.form) || typeof value.pattern !== 'string' || !USERNAME_TEXT.test(value.pattern)) return null;
  if (value.value !== null && (typeof value.value !== 'string' || !USERNAME_TEXT.test(value.value))) return null;
  return { form: value.form, pattern: value.pattern, value: value.value };
}

/** A submission setting a check found working: a port the probe checks, with encryption. */
function parseSubmission(value: unknown): Submission | undefined {
  if (!isRecord(value) || !isProbePort(value.port) || !isOneOf(SECURITIES, value.security) || value.security === 'none') return undefined;
  return { port: value.port, security: value.security };
}

/** What a check found beside the port; null (no other port works) is a finding, so a damaged value is dropped, not read as one. */
function parseChecked(value: unknown, port: number): CheckedFallback | undefined {
  if (!isRecord(value) || !Array.isArray(value.failed) || value.failed.length > PROBE_PORTS.length || !value.failed.every(isProbePort)) return undefined;
  const alternative = value.alternative === null ? null : parseSubmission(value.alternative);
  if (alternative === undefined || alternative?.port === port || (value.failed as number[]).includes(port)) return undefined;
  return { failed: [...new Set(value.failed)].sort((a, b) => a - b), alternative };
}

function parseTarget(value: unknown): TargetSettings | undefined {
  if (!isRecord(value)) return undefined;
  const { server, port, security, authentication, username } = value;
  const checkedServer = hostOrNull(server);
  if (checkedServer === undefined) return undefined;
  if (!isTcpPort(port)) return undefined;
  if (!isOneOf(SECURITIES, security) || !isOneOf(AUTHENTICATIONS, authentication)) return undefined;
  const checked = parseChecked(value.checked, port);
  return {
    server: checkedServer,
    port,
    security,
    authentication,
    ...(username === undefined ? {} : { username: parseUsername(username) }),
    ...(checked === undefined ? {} : { checked }),
  };
}

const PARSERS: { [K in StoredKey]: (value: unknown) => StoredState[K] | undefined } = {
  schemaVersion: (value) => (typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : undefined),
  lastClientId: (value) => nullOr(value, ID_PATTERN),
  agentClientId: (value) => nullOr(value, ID_PATTERN),
  progress: parseProgress,
  target: parseTarget,
  targetTested: (value) => (typeof value === 'boolean' ? value : undefined),
  lastCheckInput: (value) => (typeof value === 'string' && value.length <= 320 ? value : undefined),
  options: (value) => {
    const checked = checkOptions(value);
    return checked.ok ? checked.value : undefined;
  },
  carriedCheck: (value) => {
    if (value === null) return null;
    if (!isRecord(value) || typeof value.savedAt !== 'number' || !Number.isFinite(value.savedAt) || !isRecord(value.check)) return undefined;
    const { id, status, report } = value.check;
    if (typeof id !== 'string' || (status !== 'done' && status !== 'error') || (report !== null && !isProbeReport(report))) return undefined;
    return { savedAt: value.savedAt, check: value.check as unknown as CheckState };
  },
  dismissedSites: (value) =>
    Array.isArray(value) ? [...new Set(value.map(hostOrNull).filter((host): host is string => typeof host === 'string'))].slice(-500) : undefined,
};

export type Migration = (raw: Record<string, unknown>) => Record<string, unknown>;

/**
 * Migrations from version N to N+1, keyed by N, run oldest first on the raw stored object;
 * validation happens afterwards. Version 1 is the first released shape, so there is nothing
 * to migrate yet: when an item changes shape, bump SCHEMA_VERSION and add the step here.
 */
export const MIGRATIONS: Record<number, Migration> = {};

export interface LoadResult {
  state: StoredState;
  /** Items whose stored value was missing, damaged or migrated, so the caller writes them back. */
  repaired: StoredKey[];
  /** Keys this version does not use, so the caller removes them. */
  obsolete: string[];
}

/**
 * Turn whatever is in storage into a valid state of the current version: run the migrations from
 * the stored version, then check every item and fall back to its default where the check fails.
 * Data from a newer version (after a downgrade) is kept item by item where it still passes.
 */
export function loadState(
  stored: Record<string, unknown>,
  migrations: Record<number, Migration> = MIGRATIONS,
  currentVersion: number = SCHEMA_VERSION,
): LoadResult {
  let raw: Record<string, unknown> = { ...stored };
  const storedVersion = PARSERS.schemaVersion(raw.schemaVersion);
  let version = storedVersion ?? currentVersion;
  const migrated = version < currentVersion;
  while (version < currentVersion) {
    const step = migrations[version];
    if (step) raw = step(raw);
    version += 1;
  }
  const state = structuredClone(DEFAULTS);
  const values = state as unknown as Record<string, unknown>;
  const repaired = new Set<StoredKey>();
  for (const key of STORED_KEYS) {
    if (key === 'schemaVersion') {
      values[key] = currentVersion;
      if (storedVersion !== currentVersion && Object.keys(stored).length > 0) repaired.add(key);
      continue;
    }
    const parsed = PARSERS[key](raw[key]);
    if (parsed === undefined) {
      if (key in raw) repaired.add(key);
    } else {
      values[key] = parsed;
      if (migrated) repaired.add(key);
    }
  }
  const obsolete = Object.keys(stored).filter((key) => !(STORED_KEYS as string[]).includes(key));
  return { state, repaired: [...repaired], obsolete };
}

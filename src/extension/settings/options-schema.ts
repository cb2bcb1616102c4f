/**
 * The options and the helpdesk profile: their defaults, their validation (for storage, for JSON
 * import, and for an administrator's policy), and which fields a policy can lock. Pure.
 * The managed-policy names match public/managed-schema.json.
 */
import { DEFAULT_PORTS, isProbePort, type ProbePort } from '../../core/api';
import { hostFault, shortValue, type FaultField, type FieldFault } from '../../core/field-fault';
import { checkHostName as checkHost } from '../../core/host-name';
import { checkPortList, MAX_PORT_ENTRIES } from '../../core/port-list';
import { checkIncoming, SetupFileError, type IncomingSetting } from '../../core/setup-files/input';
import { findJsonFault, type JsonFault } from './json-fault';
import { isRecord } from '../platform/validate';

export type AuthMethod = 'smtp-auth' | 'check-mail-first';

export interface HelpdeskProfile {
  /** Shown in the popup, e.g. "Example ISP support". Empty when no profile is set. */
  name: string;
  /** Help-centre and webmail host names where the page hint runs, e.g. "help.example.com". */
  helpDomains: string[];
  /** The helpdesk's own outgoing server, prefilled in the server check. */
  outgoingServer: string;
  allowedPorts: ProbePort[];
  authMethod: AuthMethod;
  /** The helpdesk's incoming server, written into setup files (Apple profile, autoconfig...); null when not set. */
  incoming: IncomingSetting | null;
}

export interface Options {
  /** Base URL of the probe service, without a trailing slash. */
  serviceUrl: string;
  profile: HelpdeskProfile;
}

/** The fields an administrator's policy can set and lock (chrome.storage.managed). */
export const MANAGED_FIELDS = ['serviceUrl', 'profileName', 'helpDomains', 'outgoingServer', 'allowedPorts', 'authMethod'] as const;
export type ManagedField = (typeof MANAGED_FIELDS)[number];

export const DEFAULT_SERVICE_URL = 'http://127.0.0.1:8587';

/** The optional host permission behind "show the hint on all sites". */
export const ALL_SITES = '<all_urls>';

/** The host permissions a help-centre domain needs for the hint: the domain over https and http. */
export function originsFor(domain: string): string[] {
  return [`https://${domain}/*`, `http://${domain}/*`];
}

export const DEFAULT_OPTIONS: Options = {
  serviceUrl: DEFAULT_SERVICE_URL,
  profile: {
    name: '',
    helpDomains: [],
    outgoingServer: '',
    allowedPorts: [...DEFAULT_PORTS],
    authMethod: 'smtp-auth',
    incoming: null,
  },
};

/**
 * A refusal carries its English sentence (policy report, tests) and, where the value could have been typed
 * into the options page or an imported file, a fault the page words in the reader's language.
 */
const SHAPE: FieldFault = { field: 'settings-file', problem: 'file-shape' };

export type Checked<T> = { ok: true; value: T } | { ok: false; message: string; fault?: FieldFault };

export function checkServiceUrl(value: unknown): Checked<string> {
  const field = 'service-url';
  if (typeof value !== 'string' || value.trim() === '') return { ok: false, message: 'The probe service URL is empty.', fault: { field, problem: 'missing' } };
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return { ok: false, message: `"${value}" is not a URL; it should look like https://probe.example.com.`, fault: { field, problem: 'not-url', value: shortValue(value) } };
  }
  const loopback = url.hostname === '127.0.0.1' || url.hostname === 'localhost' || url.hostname === '[::1]';
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
    return { ok: false, message: 'The probe service must use https:// (plain http:// only on this computer, 127.0.0.1 or localhost).', fault: { field, problem: 'not-https' } };
  }
  if (url.username || url.password || url.search || url.hash) {
    return { ok: false, message: 'The probe service URL must not contain a user name, password, query or fragment.', fault: { field, problem: 'url-extras' } };
  }
  return { ok: true, value: url.origin + url.pathname.replace(/\/+$/, '') };
}

/**
 * A host name or IP address, by the one rule in core/host-name.ts. Help-centre domains become URL match
 * patterns, so they take names and IPv4 only (an IPv6 pattern would need brackets).
 */
export function checkHostName(value: unknown, what: string, field: FaultField, allowIpv6 = true): Checked<string> {
  if (typeof value !== 'string') return { ok: false, message: `${what} must be text.`, fault: SHAPE };
  const checked = checkHost(value, what.replace(/^The /, '').toLowerCase());
  if (!checked.ok) return { ok: false, message: checked.message, fault: hostFault(field, value, checked) };
  if (checked.kind === 'ipv6' && !allowIpv6) {
    return { ok: false, message: `${what} "${value}" is an IPv6 address; give a host name like help.example.com.`, fault: { field, problem: 'ipv6', value: shortValue(value) } };
  }
  return { ok: true, value: checked.value };
}

export function checkHelpDomains(value: unknown): Checked<string[]> {
  const field = 'help-domain';
  if (!Array.isArray(value)) return { ok: false, message: 'Help-centre domains must be a list of host names.', fault: SHAPE };
  if (value.length > 200) return { ok: false, message: 'At most 200 help-centre domains.', fault: { field, problem: 'too-many' } };
  const domains: string[] = [];
  for (const entry of value) {
    const checked = checkHostName(entry, 'The help-centre domain', field, false);
    if (!checked.ok) return checked;
    // A word typed among the domains ("not a domain") would otherwise pass as a one-label name.
    if (!checked.value.includes('.')) {
      return {
        ok: false,
        message: `The help-centre domain "${checked.value}" has no dot; give a full domain such as help.example.com.`,
        fault: { field, problem: 'no-dot', value: shortValue(checked.value) },
      };
    }
    if (!domains.includes(checked.value)) domains.push(checked.value);
  }
  return { ok: true, value: domains };
}

export function checkAllowedPorts(value: unknown): Checked<ProbePort[]> {
  const checked = checkPortList(value);
  if (!checked.ok) {
    const stray = Array.isArray(value) && value.length <= MAX_PORT_ENTRIES ? value.find((entry) => !isProbePort(entry)) : undefined;
    const fault: FieldFault = stray === undefined ? { field: 'ports', problem: 'no-ports' } : { field: 'ports', problem: 'port-choice', value: shortValue(stray) };
    return { ok: false, message: checked.message, fault };
  }
  return { ok: true, value: [...checked.ports].sort((a, b) => a - b) };
}

export function checkAuthMethod(value: unknown): Checked<AuthMethod> {
  return value === 'smtp-auth' || value === 'check-mail-first'
    ? { ok: true, value }
    : { ok: false, message: 'The authentication method must be "smtp-auth" or "check-mail-first".', fault: SHAPE };
}

/** The incoming server for setup files: null, or protocol, host, port and a protected security. */
export function checkIncomingServer(value: unknown): Checked<IncomingSetting | null> {
  if (value === undefined || value === null) return { ok: true, value: null };
  if (!isRecord(value)) return { ok: false, message: 'The incoming server must be an object with protocol, hostname, port and security.', fault: SHAPE };
  try {
    return { ok: true, value: checkIncoming({ protocol: value.protocol, hostname: value.hostname, port: value.port, security: value.security }) };
  } catch (error) {
    if (error instanceof SetupFileError) return error.fault ? { ok: false, message: error.message, fault: error.fault } : { ok: false, message: error.message };
    throw error;
  }
}

/** The helpdesk profile's name, from the options or a policy: one line of at most 100 characters. */
function checkProfileName(name: unknown): Checked<string> {
  return typeof name === 'string' && name.length <= 100 && !/[\r\n]/.test(name)
    ? { ok: true, value: name }
    : { ok: false, message: 'The profile name must be one line of at most 100 characters.', fault: { field: 'profile-name', problem: 'text-too-long' } };
}

function checkProfile(value: unknown): Checked<HelpdeskProfile> {
  if (!isRecord(value)) return { ok: false, message: 'The profile must be an object.', fault: SHAPE };
  const checkedName = checkProfileName(value.name ?? '');
  if (!checkedName.ok) return checkedName;
  const name = checkedName.value;
  const helpDomains = checkHelpDomains(value.helpDomains ?? []);
  if (!helpDomains.ok) return helpDomains;
  let outgoingServer = '';
  if (value.outgoingServer !== undefined && value.outgoingServer !== '') {
    const server = checkHostName(value.outgoingServer, 'The outgoing server', 'outgoing-server');
    if (!server.ok) return server;
    outgoingServer = server.value;
  }
  const allowedPorts = checkAllowedPorts(value.allowedPorts ?? DEFAULT_OPTIONS.profile.allowedPorts);
  if (!allowedPorts.ok) return allowedPorts;
  const authMethod = checkAuthMethod(value.authMethod ?? 'smtp-auth');
  if (!authMethod.ok) return authMethod;
  const incoming = checkIncomingServer(value.incoming);
  if (!incoming.ok) return incoming;
  return {
    ok: true,
    value: { name: name.trim(), helpDomains: helpDomains.value, outgoingServer, allowedPorts: allowedPorts.value, authMethod: authMethod.value, incoming: incoming.value },
  };
}

export function checkOptions(value: unknown): Checked<Options> {
  if (!isRecord(value)) return { ok: false, message: 'The settings must be a JSON object.', fault: SHAPE };
  const serviceUrl = checkServiceUrl(value.serviceUrl ?? DEFAULT_SERVICE_URL);
  if (!serviceUrl.ok) return serviceUrl;
  const profile = checkProfile(value.profile ?? {});
  if (!profile.ok) return profile;
  return { ok: true, value: { serviceUrl: serviceUrl.value, profile: profile.value } };
}

/** The export file: versioned so a later import knows what it reads. */
export const EXPORT_FORMAT = 'smtp-port-assistant-settings';

export function exportOptions(options: Options): string {
  return JSON.stringify({ format: EXPORT_FORMAT, version: 1, ...options }, null, 2) + '\n';
}

export type Imported = { ok: true; value: Options } | { ok: false; message: string; json?: JsonFault; fault?: FieldFault };

/**
 * Parse an import file; on any problem, one sentence saying what is wrong and nothing changes. A file that
 * is not JSON also says where and what (`json`), for the options page to word in the person's language.
 */
export function importOptions(text: string): Imported {
  if (text.length > 100_000) {
    return { ok: false, message: 'The file is larger than 100 KB; a settings file is much smaller.', fault: { field: 'settings-file', problem: 'file-too-large' } };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    const json = findJsonFault(text) ?? { problem: 'not-a-value', line: 1, column: 1, found: null, atStart: true };
    return { ok: false, message: `The file is not valid JSON (line ${json.line}, column ${json.column}).`, json };
  }
  if (!isRecord(parsed) || parsed.format !== EXPORT_FORMAT) {
    return { ok: false, message: 'This is not a settings file exported by SMTP Port Assistant.', fault: { field: 'settings-file', problem: 'not-settings-file' } };
  }
  if (parsed.version === undefined) {
    return { ok: false, message: 'The file names no version; this is not a settings file exported by SMTP Port Assistant.', fault: { field: 'settings-file', problem: 'not-settings-file' } };
  }
  if (parsed.version !== 1) {
    return {
      ok: false,
      message: `Settings file version ${String(parsed.version)} is not supported; this version reads 1.`,
      fault: { field: 'settings-file', problem: 'file-version', value: shortValue(String(parsed.version)) },
    };
  }
  return checkOptions(parsed);
}

export type ManagedPolicy = Partial<Record<ManagedField, unknown>>;

/** A policy value that was ignored: the policy's key, and why as a code to word (none: not of the schema's kind). */
export interface PolicyProblem {
  field: ManagedField;
  fault?: FieldFault;
}

/**
 * Apply an administrator's policy over the user's options. Invalid policy values are ignored (and
 * reported), so a typo in a policy never breaks the extension; valid ones win and are locked.
 */
export function applyPolicy(options: Options, policy: ManagedPolicy): { options: Options; locked: ManagedField[]; problems: PolicyProblem[] } {
  const next: Options = structuredClone(options);
  const locked: ManagedField[] = [];
  const problems: PolicyProblem[] = [];
  const take = <T>(field: ManagedField, checked: Checked<T>, apply: (value: T) => void) => {
    if (checked.ok) {
      apply(checked.value);
      locked.push(field);
    } else problems.push({ field, ...(checked.fault ? { fault: checked.fault } : {}) });
  };
  if (policy.serviceUrl !== undefined) take('serviceUrl', checkServiceUrl(policy.serviceUrl), (v) => (next.serviceUrl = v));
  if (policy.profileName !== undefined) take('profileName', checkProfileName(policy.profileName), (v) => (next.profile.name = v.trim()));
  if (policy.helpDomains !== undefined) take('helpDomains', checkHelpDomains(policy.helpDomains), (v) => (next.profile.helpDomains = v));
  if (policy.outgoingServer !== undefined) take('outgoingServer', checkHostName(policy.outgoingServer, 'The outgoing server', 'outgoing-server'), (v) => (next.profile.outgoingServer = v));
  if (policy.allowedPorts !== undefined) take('allowedPorts', checkAllowedPorts(policy.allowedPorts), (v) => (next.profile.allowedPorts = v));
  if (policy.authMethod !== undefined) take('authMethod', checkAuthMethod(policy.authMethod), (v) => (next.profile.authMethod = v));
  return { options: next, locked, problems };
}

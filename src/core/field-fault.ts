/**
 * Why a value typed into a form (options, setup files) was refused, as a code the extension words in the
 * reader's language. The checks keep their English sentence too, for the CLI, the policy report and logs.
 * Pure.
 */
import type { HostNameCheck, HostNameProblem } from './host-name';
import type { TargetFault } from './target';

export type FaultField =
  | 'service-url'
  | 'help-domain'
  | 'outgoing-server'
  | 'incoming-server'
  | 'mail-domain'
  | 'email'
  | 'profile-name'
  | 'ports'
  /** An imported settings file as a whole. */
  | 'settings-file'
  /** The login form a provider publishes, from the check's report. */
  | 'username-form';

export type FieldProblem =
  | HostNameProblem
  /** Nothing typed. */
  | 'missing'
  | 'not-url'
  | 'not-https'
  | 'url-extras'
  /** An IPv6 address where only a name fits (help-centre domains become URL patterns). */
  | 'ipv6'
  | 'no-dot'
  | 'too-many'
  /** Text over its length limit (a name of the profile or provider). */
  | 'text-too-long'
  | 'not-mail-domain'
  | 'not-email'
  | 'not-plain-email'
  | 'port-number'
  /** Port 25 where a customer's mail program would be sent (the files publish submission settings). */
  | 'relay-port'
  | 'missing-port'
  | 'security'
  | 'protocol'
  | 'no-ports'
  | 'port-choice'
  | 'file-too-large'
  | 'not-settings-file'
  | 'file-version'
  /** A value of the wrong kind in a file edited by hand (an object expected, a list, a known word). */
  | 'file-shape'
  /** A published login form these files cannot carry. */
  | 'username-form';

export interface FieldFault {
  field: FaultField;
  problem: FieldProblem;
  /** What was typed (shortened), when the sentence quotes it. */
  value?: string;
  /** The address a disguised IPv4 form stands for. */
  address?: string;
  /** For an email address: the target parser's own reason. */
  target?: TargetFault;
}

export function shortValue(value: unknown): string {
  const text = typeof value === 'string' ? value.trim() : String(value);
  return text.length > 60 ? `${text.slice(0, 60)}…` : text;
}

/** The fault of a refused host name (core/host-name.ts), for the field it was typed into. */
export function hostFault(field: FaultField, value: unknown, checked: Extract<HostNameCheck, { ok: false }>): FieldFault {
  const fault: FieldFault = { field, problem: checked.problem, value: shortValue(value) };
  if (checked.address !== undefined) fault.address = checked.address;
  return fault;
}

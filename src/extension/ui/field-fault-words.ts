/**
 * Why a value typed into the options or a setup-files form was refused, in the reader's language: the
 * checks (core/field-fault.ts) say why with a code, the extension words it from its catalogue. Pure (the
 * translator is passed in).
 */
import type { FaultField, FieldFault, FieldProblem } from '../../core/field-fault';
import type { MessageKey } from '../platform/i18n';
import { targetFaultWords } from './target-fault-words';

type Translate = (key: MessageKey, ...substitutions: string[]) => string;

export const FIELD_NAMES: Record<FaultField, MessageKey> = {
  'service-url': 'field_service_url',
  'help-domain': 'field_help_domain',
  'outgoing-server': 'field_outgoing_server',
  'incoming-server': 'field_incoming_server',
  'mail-domain': 'field_mail_domain',
  email: 'field_email',
  'profile-name': 'field_profile_name',
  ports: 'field_ports',
  'settings-file': 'field_settings_file',
  'username-form': 'field_username_form',
};

/** What a person could type in each field, for the sentence that says it is missing. */
const EXAMPLES: Record<FaultField, string> = {
  'service-url': 'https://probe.example.com',
  'help-domain': 'help.example.com',
  'outgoing-server': 'smtp.example.com',
  'incoming-server': 'imap.example.com',
  'mail-domain': 'example.com',
  email: 'user@example.net',
  'profile-name': 'Example ISP',
  ports: '587',
  'settings-file': 'smtp-port-assistant-settings.json',
  'username-form': '%EMAILADDRESS%',
};

export const FIELD_PROBLEMS: Record<FieldProblem, MessageKey> = {
  empty: 'fieldFault_missing',
  missing: 'fieldFault_missing',
  'too-long': 'fieldFault_too_long',
  'label-too-long': 'fieldFault_label_too_long',
  'empty-label': 'fieldFault_empty_label',
  'bad-character': 'fieldFault_bad_character',
  'not-an-address': 'fieldFault_not_an_address',
  'disguised-ip': 'fieldFault_disguised_ip',
  'zone-index': 'fieldFault_zone_index',
  'bad-ipv6': 'fieldFault_bad_ipv6',
  port: 'fieldFault_port',
  'not-url': 'fieldFault_not_url',
  'not-https': 'fieldFault_not_https',
  'url-extras': 'fieldFault_url_extras',
  ipv6: 'fieldFault_ipv6',
  'no-dot': 'fieldFault_no_dot',
  'too-many': 'fieldFault_too_many',
  'text-too-long': 'fieldFault_text_too_long',
  'not-mail-domain': 'fieldFault_not_mail_domain',
  'not-email': 'fieldFault_not_email',
  'not-plain-email': 'fieldFault_not_plain_email',
  'port-number': 'fieldFault_port_number',
  'relay-port': 'fieldFault_relay_port',
  'missing-port': 'fieldFault_missing_port',
  url: 'fieldFault_url',
  security: 'fieldFault_security',
  protocol: 'fieldFault_protocol',
  'no-ports': 'fieldFault_no_ports',
  'port-choice': 'fieldFault_port_choice',
  'file-too-large': 'fieldFault_file_too_large',
  'not-settings-file': 'fieldFault_not_settings_file',
  'file-version': 'fieldFault_file_version',
  'file-shape': 'fieldFault_file_shape',
  'username-form': 'fieldFault_username_form',
};

/**
 * One sentence: the field's name ($1), what was typed ($2), and the hidden address or an example ($3),
 * each message using those it needs. An email address the target parser refused keeps that reason.
 */
export function fieldFaultWords(fault: FieldFault, translate: Translate): string {
  if (fault.field === 'email' && fault.target) return targetFaultWords(fault.target, translate);
  const what = translate(FIELD_NAMES[fault.field]);
  return translate(FIELD_PROBLEMS[fault.problem], what, fault.value ?? '', fault.address ?? EXAMPLES[fault.field]);
}

/** A sentence continued after a colon starts in lower case, as the file's own reasons do ("…: the file stops…"). */
export function afterColon(sentence: string): string {
  return /^\p{Lu}(\p{Ll}|\s)/u.test(sentence) ? sentence[0]!.toLocaleLowerCase() + sentence.slice(1) : sentence;
}

/**
 * A value of the administrator's policy that was ignored, for the options page: the policy's own key
 * (what the administrator wrote) and why, in the reader's language. A value of the wrong kind is said
 * as such, not with the words for a settings file edited by hand.
 */
export function policyProblemWords(problem: { field: string; fault?: FieldFault }, translate: Translate): string {
  const why = problem.fault === undefined || problem.fault.problem === 'file-shape' ? translate('optionsPolicyWrongKind') : afterColon(fieldFaultWords(problem.fault, translate));
  return translate('optionsPolicyIgnored', problem.field, why);
}

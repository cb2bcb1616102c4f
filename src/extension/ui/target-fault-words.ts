/**
 * Why a typed target was refused, in the person's language: the core check (core/target.ts) says why
 * with a code, and its English sentence stays for the CLI and the service. Pure (the translator is passed in).
 */
import type { TargetFault } from '../../core/target';
import type { MessageKey } from '../platform/i18n';

type Translate = (key: MessageKey) => string;

export const TARGET_FAULTS: Record<TargetFault, MessageKey> = {
  missing: 'targetFault_missing',
  empty: 'targetFault_missing',
  'too-long': 'targetFault_too_long',
  'label-too-long': 'targetFault_label_too_long',
  'empty-label': 'targetFault_empty_label',
  'bad-character': 'targetFault_bad_character',
  'not-an-address': 'targetFault_not_an_address',
  'disguised-ip': 'targetFault_disguised_ip',
  'zone-index': 'targetFault_zone_index',
  'bad-ipv6': 'targetFault_bad_ipv6',
  'mailto-invalid': 'targetFault_mailto_invalid',
  'mailto-several': 'targetFault_mailto_several',
  'mailto-empty': 'targetFault_mailto_empty',
  spaces: 'targetFault_spaces',
  'control-characters': 'targetFault_control_characters',
  scheme: 'targetFault_scheme',
  url: 'targetFault_scheme',
  path: 'targetFault_path',
  'email-no-local': 'targetFault_email_no_local',
  'email-no-domain': 'targetFault_email_no_domain',
  'email-two-at': 'targetFault_email_two_at',
  'email-ip': 'targetFault_email_ip',
  'email-port': 'targetFault_email_port',
  'email-no-dot': 'targetFault_email_no_dot',
  'email-localhost': 'targetFault_email_localhost',
  'ipv6-unclosed': 'targetFault_ipv6_unclosed',
  port: 'targetFault_port',
  'ipv6-extra': 'targetFault_ipv6_extra',
};

export function targetFaultWords(fault: TargetFault, translate: Translate): string {
  return translate(TARGET_FAULTS[fault]);
}

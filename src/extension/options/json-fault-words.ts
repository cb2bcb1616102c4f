/** What is wrong with an imported file that is not JSON, in the person's language. Pure (the translator is passed in). */
import type { JsonFault, JsonProblem } from '../settings/json-fault';
import type { MessageKey } from '../platform/i18n';

type Translate = (key: MessageKey, ...substitutions: (string | number)[]) => string;

export const JSON_PROBLEMS: Record<JsonProblem, MessageKey> = {
  empty: 'jsonFault_empty',
  'cut-off': 'jsonFault_cut_off',
  'missing-comma': 'jsonFault_missing_comma',
  'missing-colon': 'jsonFault_missing_colon',
  'trailing-comma': 'jsonFault_trailing_comma',
  'single-quotes': 'jsonFault_single_quotes',
  'unquoted-name': 'jsonFault_unquoted_name',
  comment: 'jsonFault_comment',
  'line-break-in-text': 'jsonFault_line_break_in_text',
  'bad-escape': 'jsonFault_bad_escape',
  'not-a-value': 'jsonFault_not_a_value',
  'extra-text': 'jsonFault_extra_text',
};

export function jsonFaultWords(fault: JsonFault, translate: Translate): string {
  if (fault.problem === 'empty') return translate('jsonFault_empty');
  // A file that is not JSON from its first character is another kind of file, not a damaged settings file.
  if (fault.atStart && (fault.problem === 'not-a-value' || fault.problem === 'single-quotes' || fault.problem === 'comment')) return translate('jsonFault_notJson');
  const found = (fault.found ?? '').slice(0, 20);
  return translate(JSON_PROBLEMS[fault.problem], fault.line, fault.column, found);
}

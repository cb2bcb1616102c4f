/**
 * node:util parseArgs's refusals in our words: its own text explains how to pass a positional argument
 * that starts with "-" and quotes it with unbalanced marks, where a person only needs the option's name.
 */
export function argumentError(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  const message = error instanceof Error ? error.message : String(error);
  // The option as typed, without its "<value>" placeholder: the first quoted word that starts with "-".
  // "'-h, --help'" names both forms: the long one is the one people type.
  const option = /'(?:-\w, )?(-{1,2}[^'\s<>,]+)/.exec(message)?.[1];
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && option) return `${option} is not an option.`;
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && option) {
    return /does not take an argument/.test(message) ? `${option} takes no value.` : `${option} needs a value.`;
  }
  if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') return 'There are more arguments than the command takes.';
  return message.replace(/\s+/g, ' ').slice(0, 200);
}

import { pick, renderSteps } from './render';
import type { Locale, MailClient, TargetSettings } from './types';

/** The sentences around the steps, already translated by the caller (core has no i18n API). */
export interface ExportLabels {
  title: string;
  settings: string;
  expect: (text: string) => string;
  source: (url: string) => string;
}

/**
 * The chosen client's steps as plain text for the clipboard: a title, the settings line, numbered
 * steps with their details and what to expect, and the vendor page. Values come from `target`.
 */
export function stepsAsText(client: MailClient, target: TargetSettings, locale: Locale, labels: ExportLabels): string {
  const lines: string[] = [labels.title, '', labels.settings, ''];
  if (client.retired) lines.push(pick(client.retired.note, locale), '');
  renderSteps(client, target, locale).forEach((step, index) => {
    lines.push(`${index + 1}. ${step.text}`);
    if (step.detail) lines.push(`   ${step.detail}`);
    if (step.expect) lines.push(`   ${labels.expect(step.expect)}`);
  });
  const source = client.sources[0];
  if (source) lines.push('', labels.source(source.url));
  return lines.join('\n') + '\n';
}

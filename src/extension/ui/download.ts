import type { SetupFile } from '../../core/setup-files';

/**
 * Saves a generated file through a Blob and a download link: the page's own download, so no
 * "downloads" permission is needed. The object URL is released once the browser has taken it.
 */
export function downloadFile(file: SetupFile): void {
  const link = document.createElement('a');
  link.href = URL.createObjectURL(new Blob([file.content], { type: file.mediaType }));
  link.download = file.name;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}

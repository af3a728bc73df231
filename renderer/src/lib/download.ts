/**
 * Saves bytes or text as a file through a temporary blob: link: a download is a navigation, not a fetch,
 * so the page's CSP allows it. Every staff download goes through it (the day report's CSV, Mẫu 02/03/06/07,
 * the 766 CSV).
 */
export function downloadBytes(filename: string, data: BlobPart, type: string): void {
  const url = URL.createObjectURL(new Blob([data], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.rel = 'noopener';
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  // Revoke later: revoking at once can cancel the download in some engines.
  window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

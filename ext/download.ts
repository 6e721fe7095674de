// Getting a file out of an extension page (popup, library) without the downloads permission: a
// Blob behind a temporary <a download>.

export function downloadBlob(doc: Document, filename: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const link = doc.createElement('a');
  link.href = url;
  link.download = filename;
  link.hidden = true;
  doc.body.append(link);
  link.click();
  link.remove();
  // The download has begun from the URL by now; keep it a while for slow browsers.
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

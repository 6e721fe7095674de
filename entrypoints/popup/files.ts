// Getting an export out of the popup without the downloads permission: a Blob behind an
// <a download>, and the clipboard.
import { downloadBlob } from '../../ext/download';

export function downloadText(doc: Document, filename: string, text: string, type: string): void {
  downloadBlob(doc, filename, new Blob([text], { type: `${type};charset=utf-8` }));
}

export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

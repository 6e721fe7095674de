// Getting an export out of the popup to the clipboard (downloads go through ext/download.ts).

export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

import { BrowserWindow, dialog, shell, type MessageBoxOptions, type WebContents } from 'electron';
import { EXTERNAL_LINKS } from '../../shared/external-links';

const LISTED: ReadonlySet<string> = new Set(Object.values(EXTERNAL_LINKS));

/**
 * The listed address a requested URL is, or null. Compared after parsing, as the browser would
 * open it: `https://stooq.com@evil.example/` is evil.example, and a path or query added to a
 * listed page is another page.
 */
export function listedLink(raw: string): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' || url.username !== '' || url.password !== '') return null;
  return LISTED.has(url.href) ? url.href : null;
}

/** One question at a time: a page that asks again and again gets no pile of dialogs. */
let asking = false;

/**
 * Opens a listed page in the user's browser once they say so; anything else is refused without a
 * question. Answers whether it was opened.
 */
export async function openExternalLink(raw: string, contents?: WebContents): Promise<boolean> {
  const url = listedLink(raw);
  if (url === null || asking) return false;
  asking = true;
  try {
    const options: MessageBoxOptions = {
      type: 'question',
      title: 'Open a web page',
      message: 'Open this page in your web browser?',
      detail: url,
      buttons: ['Open in browser', 'Cancel'],
      defaultId: 1,
      cancelId: 1,
      noLink: true,
    };
    const parent = contents ? BrowserWindow.fromWebContents(contents) : null;
    const { response } = parent ? await dialog.showMessageBox(parent, options) : await dialog.showMessageBox(options);
    if (response !== 0) return false;
    await shell.openExternal(url); /* eng-disable OPEN_EXTERNAL_JS_CHECK */
    return true;
  } finally {
    asking = false;
  }
}

import type { Session, WebContents } from 'electron';
import { APP_HOST, APP_SCHEME } from './channels';
import { openExternalLink } from './external-links';

export function isAppUrl(raw: string): boolean {
  try {
    const url = new URL(raw);
    return url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST;
  } catch {
    return false;
  }
}

/** The renderer never leaves the app: no navigation, no new windows, no webviews. */
export function hardenContents(contents: WebContents): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    // Never a window of the app's: a page the app lists (shared/external-links.ts) may open in the
    // user's browser once they confirm; anything else (another site, file:, smb:, a custom
    // scheme) is refused without a question.
    void openExternalLink(url, contents);
    return { action: 'deny' };
  });
}

/** A portfolio tracker needs no camera, location, notifications or anything else. */
export function hardenSession(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}

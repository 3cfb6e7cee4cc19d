// IPC channel names. Calls use their contract name as the channel; pushes share one channel.
export const EVENT_CHANNEL = 'tiltfolio:event';
export const APP_SCHEME = 'app';
export const APP_HOST = 'tiltfolio';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

// One window control for every chart screen (Dashboard, Rotation, later the holding page).
export { DateWindowControl } from './date-window-control';
export { useDateWindow, type SetWindowOptions } from './use-date-window';

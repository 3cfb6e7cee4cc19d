import { useEffect } from 'react';
import { useSettings } from '../api/quote-hooks';

/**
 * The theme setting overrides the OS through `data-theme` on <html>; "system" removes it so the
 * stylesheet's prefers-color-scheme rules apply (and charts follow through chart-theme.ts).
 */
export function useAppliedTheme(): void {
  const settings = useSettings();
  const theme = settings.data?.theme ?? 'system';
  useEffect(() => {
    const root = document.documentElement;
    if (theme === 'system') delete root.dataset.theme;
    else root.dataset.theme = theme;
  }, [theme]);
}

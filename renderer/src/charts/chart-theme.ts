import { useEffect, useState } from 'react';

export interface ChartTheme {
  background: string;
  text: string;
  grid: string;
}

function cssVar(name: string, fallback: string): string {
  const value = getComputedStyle(document.documentElement).getPropertyValue(name).trim();
  return value || fallback;
}

/** Charts draw on canvas, so they read the theme's colours from the CSS variables at draw time. */
export function readChartTheme(): ChartTheme {
  return {
    background: cssVar('--surface', '#ffffff'),
    text: cssVar('--muted', '#5b6470'),
    grid: cssVar('--grid', '#eef0f3'),
  };
}

/** A counter that changes whenever the effective theme may have changed. */
export function useThemeVersion(): number {
  const [version, setVersion] = useState(0);
  useEffect(() => {
    const bump = () => setVersion((v) => v + 1);
    const media = window.matchMedia('(prefers-color-scheme: dark)');
    media.addEventListener('change', bump);
    const observer = new MutationObserver(bump);
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
    return () => {
      media.removeEventListener('change', bump);
      observer.disconnect();
    };
  }, []);
  return version;
}

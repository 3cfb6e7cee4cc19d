import { useEffect, useMemo, useState } from 'react';

export interface ChartTheme {
  background: string;
  text: string;
  grid: string;
}

const registered = new Set<string>();

/**
 * The theme writes each colour as light-dark(light, dark), which an unregistered custom property
 * hands back as written; registered as a colour, it comes back as the one the theme shows.
 */
function registerColour(name: string, fallback: string): void {
  if (registered.has(name)) return;
  registered.add(name);
  try {
    CSS.registerProperty({ name, syntax: '<color>', inherits: true, initialValue: fallback });
  } catch {
    // Registered already (a hot reload), or a DOM without the Properties API (jsdom): read as is.
  }
}

function cssVar(name: string, fallback: string): string {
  registerColour(name, fallback);
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

export interface ChartPalette {
  primary: string;
  secondary: string;
  tertiary: string;
  muted: string;
  gain: string;
  loss: string;
  /** A translucent wash for shaded spans (drawdowns). */
  shade: string;
  primaryFill: string;
}

/** Series colours from the CSS variables, re-read whenever the theme changes. */
export function usePalette(): ChartPalette {
  const version = useThemeVersion();
  return useMemo(() => readPalette(version), [version]);
}

/** `_themeVersion` names the theme the variables are read for: a new version, a new read. */
function readPalette(_themeVersion: number): ChartPalette {
  return {
    primary: cssVar('--chart-1', '#2457c5'),
    secondary: cssVar('--chart-2', '#d9730d'),
    tertiary: cssVar('--chart-3', '#7c4dbd'),
    muted: cssVar('--muted', '#5b6470'),
    gain: cssVar('--gain', '#0f7b3f'),
    loss: cssVar('--loss', '#b3261e'),
    shade: cssVar('--chart-shade', 'rgba(179, 38, 30, 0.10)'),
    primaryFill: cssVar('--chart-1-fill', 'rgba(36, 87, 197, 0.18)'),
  };
}

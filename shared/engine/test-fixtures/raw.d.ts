// Vite's ?raw import: the file's text. Tests read the bundled demo quotes this way, so the shared
// project needs no Node types.
declare module '*.csv?raw' {
  const text: string;
  export default text;
}

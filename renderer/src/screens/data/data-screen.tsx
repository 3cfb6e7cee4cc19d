export function DataScreen() {
  return null;
}

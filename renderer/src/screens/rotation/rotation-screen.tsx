export function RotationScreen() {
  return null;
}

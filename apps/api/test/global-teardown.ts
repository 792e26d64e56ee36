export default async function globalTeardown(): Promise<void> {
  const stops = (globalThis as { __YOKOTEN_STOPS__?: Array<() => Promise<void>> }).__YOKOTEN_STOPS__ ?? [];
  for (const stop of stops.reverse()) await stop();
}

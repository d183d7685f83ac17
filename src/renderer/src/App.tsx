// Placeholder shell of the renderer: shows whether the core answers. The screens arrive with the
// desktop-app issue; everything they show will come through the typed API client in src/shared.
import { useEffect, useState } from 'react';

type Health = { status: string; version: string; services: Record<string, string> };

export function App() {
  const [health, setHealth] = useState<Health | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    fetch('/health')
      .then(async (res) => setHealth((await res.json()) as Health))
      .catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  }, []);

  return (
    <main>
      <h1>Recruiting Desk</h1>
      {error && <p role="alert">The app core does not answer: {error}</p>}
      {!error && !health && <p>Connecting to the app core…</p>}
      {health && (
        <section aria-label="Service status">
          <p>
            Version {health.version}: {health.status === 'ok' ? 'all services are running.' : 'some services are down.'}
          </p>
          <ul>
            {Object.entries(health.services).map(([name, state]) => (
              <li key={name}>
                {name}: {state}
              </li>
            ))}
          </ul>
        </section>
      )}
    </main>
  );
}

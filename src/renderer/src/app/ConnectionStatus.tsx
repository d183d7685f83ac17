// Online/offline at a glance: the network, the core, and whether live updates are flowing.
import { useStore } from 'zustand';
import { useStores } from './stores-context';

export function ConnectionStatus() {
  const { connectivity } = useStores();
  const online = useStore(connectivity, (s) => s.online);
  const core = useStore(connectivity, (s) => s.coreReachable);
  const stream = useStore(connectivity, (s) => s.stream);

  let state: 'ok' | 'warn' | 'down';
  let text: string;
  if (!core) {
    state = 'down';
    text = 'App core not reachable';
  } else if (!online) {
    state = 'warn';
    text = 'Offline — working locally';
  } else if (stream === 'connecting') {
    state = 'warn';
    text = 'Online — reconnecting live updates';
  } else {
    state = 'ok';
    text = 'Online';
  }
  return (
    <span className={`status-pill status-${state}`} role="status" aria-label={`Connection: ${text}`} data-online={online} data-core={core}>
      <span className="status-dot" aria-hidden="true" />
      {text}
    </span>
  );
}

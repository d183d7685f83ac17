import { afterEach, describe, expect, it } from 'vitest';
import { createQueueHarness, StartLog, waitForStatus, waitForTask, type QueueHarness } from './queue-fixture.js';

/** A connectivity source the test switches by hand. */
function fakeNetwork(initiallyOnline: boolean) {
  let online = initiallyOnline;
  const listeners = new Set<(online: boolean) => void>();
  return {
    isOnline: () => online,
    onlineChanges: (listener: (online: boolean) => void) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    set(value: boolean) {
      online = value;
      for (const listener of listeners) listener(value);
    },
  };
}

describe('task queue: offline and online', () => {
  let harness: QueueHarness;
  afterEach(async () => harness.close());

  it('network tasks wait while offline, local tasks still run, and the waiting ones run once online', async () => {
    const network = fakeNetwork(false);
    harness = await createQueueHarness({ isOnline: network.isOnline, onlineChanges: network.onlineChanges });
    const { queue } = harness;
    const sent = new StartLog<string>();
    queue.register('email.send', async (task) => {
      sent.record(task.id);
      return { sent: true };
    });
    queue.register('resume.parse', async () => ({ pages: 2 }));
    queue.start();

    const email = await queue.enqueue({ type: 'email.send', needsNetwork: true });
    const parse = await queue.enqueue({ type: 'resume.parse' });
    await waitForStatus(queue, parse.id, 'succeeded');
    await queue.settled();

    expect(await queue.get(email.id)).toMatchObject({ status: 'queued', attempts: 0 });
    expect(sent.started).toEqual([]);

    network.set(true);

    expect(await waitForStatus(queue, email.id, 'succeeded')).toMatchObject({ attempts: 1, result: { sent: true } });
  });

  it('a network task that fails because the connection dropped waits for the network without spending an attempt', async () => {
    const network = fakeNetwork(true);
    harness = await createQueueHarness({ isOnline: network.isOnline, onlineChanges: network.onlineChanges });
    const { queue } = harness;
    let calls = 0;
    queue.register('email.send', async () => {
      calls++;
      if (calls === 1) {
        network.set(false);
        throw Object.assign(new Error('getaddrinfo ENOTFOUND smtp.example.com'), { code: 'ENOTFOUND' });
      }
      return { sent: true };
    });
    queue.start();
    const task = await queue.enqueue({ type: 'email.send', needsNetwork: true, maxAttempts: 1 });

    const waiting = await waitForTask(queue, task.id, (t) => t.status === 'queued' && t.lastError !== undefined);
    await queue.settled();
    expect(calls).toBe(1);
    expect(waiting).toMatchObject({ status: 'queued', attempts: 0, lastError: { code: 'ENOTFOUND' } });

    network.set(true);
    expect(await waitForStatus(queue, task.id, 'succeeded')).toMatchObject({ attempts: 1 });
  });
});

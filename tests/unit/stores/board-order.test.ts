// The board's ordering rules on their own: which of a read's answers and this user's moves wins
// when they cross on the wire.
import { describe, expect, it } from 'vitest';
import { createBoardOrder } from '../../../src/renderer/src/stores/board-order.js';
import type { ApplicationOut } from '../../../src/shared/api/applications.js';
import type { ApplicationStatus } from '../../../src/shared/schemas/application.js';

function card(id: string, status: ApplicationStatus, updatedAt = 1): ApplicationOut {
  return { id, jobId: 'job', candidateId: `candidate-${id}`, status, history: [], createdAt: 1, updatedAt, deviceId: 'device', candidateName: id, candidateEmail: '', jobTitle: 'Job' };
}
const statuses = (board: readonly ApplicationOut[] | undefined) => board?.map((a) => `${a.id}:${a.status}`);

describe('the board order', () => {
  it('drops the answer of a read sent before one whose answer is shown already', () => {
    const order = createBoardOrder();
    const older = order.startRead();
    const newer = order.startRead();
    expect(statuses(order.merge(newer, [card('a', 'screening')], []))).toEqual(['a:screening']);
    expect(order.merge(older, [card('a', 'applied')], [card('a', 'screening')])).toBeUndefined();
  });

  it('keeps a move in flight over what any read says', () => {
    const order = createBoardOrder();
    const optimistic = card('a', 'interview');
    order.moveStarted(optimistic);
    const read = order.startRead();
    const board = order.merge(read, [card('a', 'applied'), card('b', 'offer')], [optimistic]);
    expect(board?.[0]).toBe(optimistic);
    expect(statuses(board)).toEqual(['a:interview', 'b:offer']);
  });

  it('keeps a move’s answer over a read sent before the move settled, not over a later read', () => {
    const order = createBoardOrder();
    const optimistic = card('a', 'interview');
    order.moveStarted(optimistic);
    const before = order.startRead();
    expect(order.moveSettled(optimistic)).toBe(true);
    const answered = card('a', 'interview', 2);
    expect(order.merge(before, [card('a', 'applied')], [answered])?.[0]).toBe(answered);
    const after = order.startRead();
    expect(statuses(order.merge(after, [card('a', 'rejected', 3)], [answered]))).toEqual(['a:rejected']);
  });

  it('tells a move it was overtaken by a newer move of the same application', () => {
    const order = createBoardOrder();
    const first = card('a', 'screening');
    const second = card('a', 'interview');
    order.moveStarted(first);
    order.moveStarted(second);
    expect(order.moveSettled(first)).toBe(false);
    expect(order.moveSettled(second)).toBe(true);
  });
});

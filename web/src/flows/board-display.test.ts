import { describe, expect, it } from 'vitest';
import { describeMove, moveActor } from './board-display';

const columns = [
  { key: 'new', name: 'New' },
  { key: 'priced', name: 'Priced' },
];
const entry = {
  fromColumn: null,
  toColumn: 'new',
  actorUserId: null,
  flowRunId: null,
  stepKey: null,
};

describe('board moves', () => {
  it('reads from and to by column name', () => {
    expect(describeMove(entry, columns)).toBe('Put in New');
    expect(describeMove({ ...entry, fromColumn: 'new', toColumn: 'priced' }, columns)).toBe(
      'New → Priced',
    );
    expect(describeMove({ ...entry, fromColumn: 'priced', toColumn: null }, columns)).toBe(
      'Priced → off this board (moved to another)',
    );
    // A column since removed from the board shows its key.
    expect(describeMove({ ...entry, toColumn: 'gone' }, columns)).toBe('Put in gone');
  });

  it('says which flow run or which member moved it', () => {
    const members = [{ userId: 'u1', name: '', email: 'ada@example.com' }];
    expect(moveActor({ ...entry, flowRunId: 'r1', stepKey: 'move' }, members)).toEqual({
      kind: 'flow',
      runId: 'r1',
      stepKey: 'move',
    });
    expect(moveActor({ ...entry, actorUserId: 'u1' }, members)).toEqual({
      kind: 'person',
      name: 'ada@example.com',
    });
    expect(moveActor({ ...entry, actorUserId: 'u2' }, members)).toEqual({ kind: 'unknown' });
    expect(moveActor(entry, members)).toEqual({ kind: 'unknown' });
  });
});

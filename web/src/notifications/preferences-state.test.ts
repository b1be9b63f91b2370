import { describe, expect, it } from 'vitest';
import {
  changesOf,
  digestSummary,
  matrixOf,
  modeAt,
  modesFor,
  sameSettings,
  timeZoneChoices,
  withMode,
  type Cell,
} from './preferences-state';

const cells: Cell[] = [
  { type: 'approval', channel: 'in_app', mode: 'immediate', isDefault: true },
  { type: 'approval', channel: 'slack', mode: 'immediate', isDefault: true },
  { type: 'approval', channel: 'email', mode: 'immediate', isDefault: false },
  { type: 'approval', channel: 'push', mode: 'immediate', isDefault: true },
  { type: 'agent_run', channel: 'in_app', mode: 'immediate', isDefault: true },
  { type: 'agent_run', channel: 'slack', mode: 'off', isDefault: true },
  { type: 'agent_run', channel: 'email', mode: 'digest', isDefault: true },
  { type: 'agent_run', channel: 'push', mode: 'off', isDefault: true },
];

describe('the preferences matrix', () => {
  it('keeps the rows in the order the server sent them', () => {
    const matrix = matrixOf(cells);
    expect(matrix.types).toEqual(['approval', 'agent_run']);
    expect(modeAt(matrix, 'agent_run', 'email')).toBe('digest');
  });

  it('sends back only the cells that changed, and nothing once changed back', () => {
    let matrix = matrixOf(cells);
    expect(changesOf(matrix)).toEqual([]);
    matrix = withMode(matrix, 'approval', 'email', 'digest');
    matrix = withMode(matrix, 'agent_run', 'push', 'immediate');
    expect(changesOf(matrix)).toEqual([
      { type: 'approval', channel: 'email', mode: 'digest' },
      { type: 'agent_run', channel: 'push', mode: 'immediate' },
    ]);
    matrix = withMode(matrix, 'approval', 'email', 'immediate');
    expect(changesOf(matrix)).toEqual([{ type: 'agent_run', channel: 'push', mode: 'immediate' }]);
  });

  it('offers no digest for the console, and refuses one', () => {
    expect(modesFor('in_app')).toEqual(['immediate', 'off']);
    expect(modesFor('slack')).toEqual(['immediate', 'digest', 'off']);
    const matrix = matrixOf(cells);
    expect(withMode(matrix, 'approval', 'in_app', 'digest')).toBe(matrix);
    expect(changesOf(withMode(matrix, 'approval', 'in_app', 'off'))).toEqual([
      { type: 'approval', channel: 'in_app', mode: 'off' },
    ]);
  });

  it('ignores a cell the server did not send', () => {
    const matrix = matrixOf(cells);
    expect(withMode(matrix, 'question', 'slack', 'off')).toBe(matrix);
  });
});

describe('digest settings', () => {
  it('says when digests go out', () => {
    expect(digestSummary({ timeZone: 'Europe/Paris', digestPeriod: 'daily', digestHour: 9 })).toBe(
      'Every day at 09:00, Europe/Paris',
    );
    expect(digestSummary({ timeZone: 'UTC', digestPeriod: 'hourly', digestHour: 9 })).toBe(
      'Every hour',
    );
  });

  it('compares settings, the hour mattering only for a daily digest', () => {
    const daily = { timeZone: 'UTC', digestPeriod: 'daily', digestHour: 9 } as const;
    expect(sameSettings(daily, { ...daily })).toBe(true);
    expect(sameSettings(daily, { ...daily, digestHour: 10 })).toBe(false);
    expect(sameSettings(daily, { ...daily, timeZone: 'Asia/Tokyo' })).toBe(false);
    expect(
      sameSettings(
        { ...daily, digestPeriod: 'hourly' },
        { ...daily, digestPeriod: 'hourly', digestHour: 3 },
      ),
    ).toBe(true);
  });

  it('offers the browser zones plus UTC and the stored one, sorted, once each', () => {
    const zones = timeZoneChoices('Mars/Olympus', () => ['Europe/Paris', 'America/New_York']);
    expect(zones).toEqual(['America/New_York', 'Europe/Paris', 'Mars/Olympus', 'UTC']);
    expect(timeZoneChoices('UTC', () => ['UTC', 'Asia/Tokyo'])).toEqual(['Asia/Tokyo', 'UTC']);
    expect(
      timeZoneChoices('Europe/Paris', () => {
        throw new TypeError('Intl.supportedValuesOf is not a function');
      }),
    ).toEqual(['Europe/Paris', 'UTC']);
    // The real list (Node's ICU) has hundreds of zones.
    expect(timeZoneChoices('UTC').length).toBeGreaterThan(300);
  });
});

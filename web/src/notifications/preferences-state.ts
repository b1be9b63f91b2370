/**
 * The preferences page's state: the matrix of mode per type and channel as the server
 * sent it, what the person changed, and what is sent back. Only changed cells are sent,
 * so an untouched cell keeps following the defaults.
 */

export const CHANNEL_ORDER = ['in_app', 'slack', 'email', 'push'] as const;
export type ChannelName = (typeof CHANNEL_ORDER)[number];
export type ModeName = 'immediate' | 'digest' | 'off';

export interface Cell<Type extends string = string> {
  channel: ChannelName;
  type: Type;
  mode: ModeName;
  isDefault: boolean;
}

export const CHANNEL_LABELS: Record<ChannelName, string> = {
  in_app: 'Console',
  slack: 'Slack',
  email: 'Email',
  push: 'Desktop push',
};

export const MODE_LABELS: Record<ModeName, string> = {
  immediate: 'At once',
  digest: 'Digest',
  off: 'Off',
};

/** What each type is, in the person's words; unknown types show their name. */
export const TYPE_LABELS: Record<string, { label: string; hint: string }> = {
  approval: { label: 'Approvals', hint: 'A proposed change waits for your decision' },
  question: { label: 'Questions', hint: 'An agent asks which deal a call was about' },
  expiring: { label: 'Approvals about to expire', hint: 'Always at once (critical)' },
  anomaly: { label: 'Anomalies', hint: 'An error anomaly always comes at once' },
  agent_run: { label: 'Agent runs', hint: 'A run finished' },
  skill_result: { label: 'Skill results', hint: 'A skill reported what it found' },
  notify_rep: { label: 'Notes for reps', hint: 'An action asks to tell the deal owner' },
  notify_manager: {
    label: 'Notes for managers',
    hint: "An action asks to tell the owner's manager",
  },
};

export const typeLabel = (type: string) => TYPE_LABELS[type]?.label ?? type.replaceAll('_', ' ');

/** The console shows a notification when it happens or not at all: it has no digest. */
export function modesFor(channel: ChannelName): ModeName[] {
  return channel === 'in_app' ? ['immediate', 'off'] : ['immediate', 'digest', 'off'];
}

export interface Matrix<Type extends string = string> {
  /** Rows in the server's order. */
  types: Type[];
  /** `type/channel` -> mode, as loaded. */
  initial: Map<string, ModeName>;
  /** `type/channel` -> mode, as now chosen. */
  current: Map<string, ModeName>;
}

const key = (type: string, channel: string) => `${type}/${channel}`;

export function matrixOf<Type extends string>(cells: Cell<Type>[]): Matrix<Type> {
  const types: Type[] = [];
  const initial = new Map<string, ModeName>();
  for (const cell of cells) {
    if (!types.includes(cell.type)) types.push(cell.type);
    initial.set(key(cell.type, cell.channel), cell.mode);
  }
  return { types, initial, current: new Map(initial) };
}

export function modeAt(matrix: Matrix, type: string, channel: ChannelName): ModeName | undefined {
  return matrix.current.get(key(type, channel));
}

/** The matrix with one cell changed; a mode the channel does not offer changes nothing. */
export function withMode<Type extends string>(
  matrix: Matrix<Type>,
  type: Type,
  channel: ChannelName,
  mode: ModeName,
): Matrix<Type> {
  if (!modesFor(channel).includes(mode) || !matrix.initial.has(key(type, channel))) return matrix;
  const current = new Map(matrix.current);
  current.set(key(type, channel), mode);
  return { ...matrix, current };
}

/** The cells that differ from what was loaded, for PUT .../notification-preferences. */
export function changesOf<Type extends string>(
  matrix: Matrix<Type>,
): { type: Type; channel: ChannelName; mode: ModeName }[] {
  const changes: { type: Type; channel: ChannelName; mode: ModeName }[] = [];
  for (const type of matrix.types) {
    for (const channel of CHANNEL_ORDER) {
      const now = matrix.current.get(key(type, channel));
      if (now !== undefined && now !== matrix.initial.get(key(type, channel))) {
        changes.push({ type, channel, mode: now });
      }
    }
  }
  return changes;
}

export interface DigestSettings {
  timeZone: string;
  digestPeriod: 'daily' | 'hourly';
  digestHour: number;
}

export function sameSettings(a: DigestSettings, b: DigestSettings): boolean {
  return (
    a.timeZone === b.timeZone &&
    a.digestPeriod === b.digestPeriod &&
    (a.digestPeriod === 'hourly' || a.digestHour === b.digestHour)
  );
}

/** "Every day at 09:00, Europe/Paris" or "Every hour". */
export function digestSummary(settings: DigestSettings): string {
  if (settings.digestPeriod === 'hourly') return 'Every hour';
  return `Every day at ${String(settings.digestHour).padStart(2, '0')}:00, ${settings.timeZone}`;
}

/**
 * The zones to pick from: the browser's list, with UTC (some browsers leave it out) and
 * the stored zone (a browser's list can lag the server's), sorted.
 */
export function timeZoneChoices(
  stored: string,
  supported: () => string[] = () => Intl.supportedValuesOf('timeZone'),
): string[] {
  let zones: string[] = [];
  try {
    zones = supported();
  } catch {
    // An old browser without Intl.supportedValuesOf: the stored zone and UTC remain.
  }
  return [...new Set([...zones, 'UTC', stored])].sort((a, b) => a.localeCompare(b));
}

/** The browser's own zone, to suggest when the stored one is still the default. */
export function browserTimeZone(): string | undefined {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}

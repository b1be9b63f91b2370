import {
  createFirefliesEmulator,
  type FirefliesEmulator,
  type FirefliesEmulatorOptions,
  type FirefliesSeed,
} from '../conversations/emulator/fireflies/index.js';
import { generateDemoData } from './generate.js';
import type { DemoDataset } from './types.js';
import { MANAGER_TITLES } from './vocabulary.js';

/**
 * The demo's meetings as a Fireflies team would hold them: every owner is a Fireflies
 * user (managers are the team's admins), each meeting organized by its first seller on
 * the call (the rep, or the manager who ran a review), everyone on it an attendee.
 */
export function firefliesSeedFromDemo(dataset: DemoDataset): FirefliesSeed {
  const managers = new Set(
    dataset.owners.filter((owner) => MANAGER_TITLES.includes(owner.title)).map((o) => o.email),
  );
  return {
    users: dataset.owners.map((owner) => ({
      email: owner.email,
      name: owner.name,
      isAdmin: managers.has(owner.email),
    })),
    transcripts: dataset.conversations.map((meeting) => ({
      sourceKey: meeting.sourceId,
      title: meeting.title,
      startedAt: meeting.startedAt,
      durationSeconds: meeting.durationSeconds,
      organizerEmail: (meeting.participants.find((p) => p.isInternal) ?? meeting.participants[0]!)
        .email,
      attendees: meeting.participants.map(({ name, email }) => ({ name, email })),
      transcript: meeting.transcript,
    })),
  };
}

export interface DemoFirefliesEmulatorOptions extends FirefliesEmulatorOptions {
  /** Generate the demo data set with this seed (default 42) unless `dataset` is given. */
  demoSeed?: number;
  accounts?: number;
  dataset?: DemoDataset;
}

/** The Fireflies emulator holding the demo's meetings: tests, benches, the sandbox. */
export function createDemoFirefliesEmulator(
  options: DemoFirefliesEmulatorOptions = {},
): Promise<FirefliesEmulator> {
  const { demoSeed = 42, accounts, dataset, ...rest } = options;
  const data = dataset ?? generateDemoData({ seed: demoSeed, accounts, now: options.now?.() });
  return createFirefliesEmulator({ ...rest, seed: firefliesSeedFromDemo(data) });
}

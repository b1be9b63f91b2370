import type { CrmSeed } from '../../crm/emulator/dataset.js';

/**
 * What the conversation emulators (Gong, Fireflies) are seeded with: the seller's CRM
 * users, who become the recorder's users, and their recorded meetings. Shaped like the
 * demo generator's data set so the runtime can pass that in as is (product code does
 * not import the demo).
 */
export interface ConversationSeedParticipant {
  name: string;
  email: string;
  /** Works at the seller. */
  isInternal: boolean;
}

export interface ConversationSeed {
  sourceId: string;
  title: string;
  startedAt: string;
  durationSeconds: number;
  /** The host first: the rep (or manager) who ran the meeting. */
  participants: ConversationSeedParticipant[];
  /** One "Speaker Name: text" line per utterance. */
  transcript: string;
  /** The CRM records the recorder tied the meeting to, by the CRM seed's source ids. */
  accountSourceId: string | null;
  dealSourceId: string | null;
}

export interface ConversationDataset {
  owners: CrmSeed['owners'];
  contacts: Pick<CrmSeed['contacts'][number], 'sourceId' | 'email'>[];
  conversations: ConversationSeed[];
}

/** "Speaker Name: text" lines as (speaker, text) pairs; lines without a speaker are skipped. */
export function transcriptLines(transcript: string): { speaker: string; text: string }[] {
  const lines: { speaker: string; text: string }[] = [];
  for (const line of transcript.split('\n')) {
    const colon = line.indexOf(': ');
    if (colon <= 0) continue;
    lines.push({ speaker: line.slice(0, colon).trim(), text: line.slice(colon + 2).trim() });
  }
  return lines;
}

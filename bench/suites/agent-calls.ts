import { resolveConfig, type AgentCase } from '../../src/agents/cases.js';
import type { CoreInput } from '../../src/agents/core-types.js';
import { generateCases } from '../../test/agent/generate/generate.js';
import { FILLER_EXT, FILLER_INT } from '../../test/agent/generate/words.js';

/** The agent bench's calls: generated (phrasings of the holdout half), padded to 40-80 utterances. */
export function benchInputs(seed: number, count: number): CoreInput[] {
  return generateCases({ seed, count, group: 'B', prefix: 'bench' })
    .map(pad)
    .map((c) => ({
      meeting: c.meeting,
      crm: c.crm,
      config: resolveConfig({}, c.config),
      referenceTime: c.meeting.startedAt,
    }));
}

/** A generated call with small talk added around what it says, to a call's usual length. */
function pad(c: AgentCase, i: number): AgentCase {
  const target = 40 + (i % 41);
  const transcript = [...c.meeting.transcript];
  const speakers = [...new Set(transcript.map((u) => u.speaker))];
  for (let k = 0; transcript.length < target; k += 1) {
    const pool = k % 2 === 0 ? FILLER_EXT : FILLER_INT;
    transcript.splice((k * 7919) % (transcript.length + 1), 0, {
      speaker: speakers[k % speakers.length]!,
      text: pool[(i + k) % pool.length]!,
      startSeconds: 0,
    });
  }
  return {
    ...c,
    meeting: {
      ...c.meeting,
      transcript: transcript.map((u, n) => ({ ...u, startSeconds: n * 15 })),
    },
  };
}

/**
 * The skills' names without their code, for what only needs the names (the CLI's
 * options and help). The registry checks that it has exactly these.
 */
export const SKILL_NAMES = ['data-quality-audit', 'pipeline-coverage', 'stale-deals'] as const;

export type SkillName = (typeof SKILL_NAMES)[number];

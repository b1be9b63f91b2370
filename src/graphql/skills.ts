/**
 * GraphQL for skills: each with its latest run, and run one now. Members run them, as
 * over REST; the registry checks the skill's options and the as-of instant.
 */
import { Type } from '@sinclair/typebox';
import { listSkills, runSkill } from '../skills/registry.js';
import { callerAs, guarded, type GraphQLContext } from './context.js';
import { argument } from './validate.js';

export const skillTypeDefs = /* GraphQL */ `
  type SkillRunCounts {
    candidates: Int
    proposed: Int
    created: Int
    updated: Int
    skipped: Int
    suppressed: Int
    closed: Int
    "What the skill's checks counted (data-quality-audit: conversationCoverage by severity)."
    checks: JSON
  }

  type SkillRun {
    id: ID!
    skill: String!
    "manual or schedule"
    trigger: String!
    actor: String
    "running, succeeded or failed"
    status: String!
    asOf: String!
    options: JSON!
    counts: SkillRunCounts!
    error: String
    startedAt: String!
    finishedAt: String
  }

  type Skill {
    name: String!
    description: String!
    "The latest run in this workspace."
    lastRun: SkillRun
  }

  type SkillRunResult {
    runId: ID!
    "Actions proposed: created plus updated."
    proposed: Int!
    created: Int!
    updated: Int!
    "Records that qualified before the top-N cut."
    candidates: Int!
    "Records that qualified but had no deal to target."
    skipped: Int!
    "Proposals left out: being executed, dismissed or undone in the last 30 days, or executed in the last 7."
    suppressed: Int!
    "This skill's open actions dismissed because their record no longer qualifies."
    closed: Int!
    "What the skill's checks counted (data-quality-audit: conversationCoverage by severity)."
    checks: JSON
  }

  extend type Workspace {
    skills: [Skill!]!
  }

  extend type Mutation {
    """
    Run a skill now (or as of the ISO instant now) with its options, e.g. { limit: 20 };
    its findings become actions, and re-runs update them.
    """
    runSkill(workspaceId: ID!, skill: String!, now: String, options: JSON): SkillRunResult!
  }
`;

const checkSkill = argument('skill', Type.String({ minLength: 1, maxLength: 100 }));
const checkNow = argument('now', Type.String({ format: 'date-time' }));
const checkOptions = argument('options', Type.Record(Type.String(), Type.Unknown()));

export const skillResolvers = {
  Workspace: {
    skills: (parent: { id: string }, _args: unknown, context: GraphQLContext) =>
      guarded(async () => {
        const caller = await callerAs(context, parent.id);
        return listSkills(context.pool, caller.workspaceId);
      }),
  },
  Mutation: {
    runSkill: (
      _parent: unknown,
      args: {
        workspaceId: string;
        skill: string;
        now?: string | null;
        options?: Record<string, unknown> | null;
      },
      context: GraphQLContext,
    ) =>
      guarded(async () => {
        const caller = await callerAs(context, args.workspaceId);
        checkSkill(args.skill);
        const now = checkNow(args.now);
        return runSkill(
          context.pool,
          caller.workspaceId,
          args.skill,
          { ...checkOptions(args.options), ...(now ? { now: new Date(now) } : {}) },
          { trigger: 'manual', actor: caller.actor },
        );
      }),
  },
};

import type { InternalDomainSource } from './types';

/** Where the domains in effect came from, in the words the Meetings tab shows. */
export const DOMAIN_SOURCE_TEXT: Record<InternalDomainSource, string> = {
  setting: 'Set by an admin: only these domains count.',
  team: 'No list set: the email domains of the reps tracked on conversation sources and of the CRM’s owners.',
  inference:
    'No list set and no team known: the domain that hosts most meetings and that no contact or account has.',
  none: 'No list set and none could be found: only titles (stand-up, 1:1, interview…) mark a meeting internal.',
};

/**
 * The message for the domains field from the API's field errors (`domains[1]` → "must
 * be a domain…"), naming the value it refused, since a tag list has no place per value.
 */
export function domainsFieldError(
  fields: Record<string, string>,
  values: readonly string[],
): string | undefined {
  for (const [field, message] of Object.entries(fields)) {
    const match = /^domains(?:\[(\d+)\])?$/.exec(field);
    if (!match) continue;
    const value = match[1] === undefined ? undefined : values[Number(match[1])];
    return value === undefined ? message : `“${value}” ${message}`;
  }
  return undefined;
}

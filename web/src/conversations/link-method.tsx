import { Badge, Tooltip } from '@mantine/core';

/** What each link method means, for the badge's tooltip. */
export const LINK_METHOD_LABELS: Record<string, string> = {
  email: 'Participant email → contact',
  crm_ids: "The recorder's CRM ids",
  single_open_deal: "The account's single open deal",
  account_domain: "A participant's domain → account",
  manual: 'Linked by hand',
};

/** How a meeting was linked, and how sure the linker is (1 for a person's link). */
export function LinkMethodBadge({
  method,
  confidence,
}: {
  method: string | null;
  confidence: number | null;
}) {
  if (!method) {
    return (
      <Badge variant="outline" color="gray" size="sm">
        Not linked
      </Badge>
    );
  }
  return (
    <Tooltip label={LINK_METHOD_LABELS[method] ?? method} withArrow>
      <Badge variant="light" color={method === 'manual' ? 'grape' : 'teal'} size="sm">
        {method.replace(/_/g, ' ')}
        {confidence === null ? '' : ` · ${Math.round(confidence * 100)}%`}
      </Badge>
    </Tooltip>
  );
}

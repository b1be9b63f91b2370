import { Badge, Card, List, SimpleGrid, Text, Title } from '@mantine/core';
import { fieldLabel } from './field-display';
import type { Agent, AgentTemplates } from './types';

/** The CRM property a field writes: the agent's own choice, else the field's default. */
export function writtenProperty(
  field: Agent['fields'][number],
  crmType: string,
  catalog: AgentTemplates['fields'] | undefined,
): string | null {
  if (field.crmProperty) return field.crmProperty;
  const known = catalog?.find((f) => f.id === field.field);
  if (!known) return null;
  return crmType === 'salesforce'
    ? known.defaultProperty.salesforce
    : known.defaultProperty.hubspot;
}

/** What the agent reads and what it may write, so an admin sees its reach at a glance. */
export function DataVisibility({
  agent,
  catalog,
}: {
  agent: Agent;
  catalog: AgentTemplates['fields'] | undefined;
}) {
  const writes = agent.fields.filter((f) => f.rule !== 'never');
  const untouched = agent.fields.filter((f) => f.rule === 'never');
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} data-testid="data-visibility">
      <Card withBorder padding="md">
        <Title order={5} mb="xs">
          What it reads
        </Title>
        <List size="sm" spacing={4}>
          <List.Item>
            Meetings linked to the CRM: title, participants and transcript
            {agent.callTypes.length ? ` (${agent.callTypes.join(', ')} calls)` : ' (every call)'}
          </List.Item>
          <List.Item>
            {agent.scope.ownerIds?.length
              ? `The calls of ${agent.scope.ownerIds.length} rep${agent.scope.ownerIds.length === 1 ? '' : 's'}`
              : "Every rep's calls"}
            {agent.scope.pipelines?.length
              ? `, deals in ${agent.scope.pipelines.length} pipeline${agent.scope.pipelines.length === 1 ? '' : 's'}`
              : ', deals in every pipeline'}
          </List.Item>
          <List.Item>
            The CRM&apos;s {agent.scope.recordTypes.join(', ')} records as last synced, to find the
            one each call is about and its current values
          </List.Item>
        </List>
      </Card>
      <Card withBorder padding="md">
        <Title order={5} mb="xs">
          What it writes{' '}
          {agent.mode === 'shadow' && (
            <Badge color="grape" variant="light">
              nothing yet: shadow
            </Badge>
          )}
        </Title>
        <List size="sm" spacing={4}>
          {writes.map((f) => {
            const property = writtenProperty(f, agent.crmType, catalog);
            return (
              <List.Item key={f.field}>
                {fieldLabel(f.field)} →{' '}
                <Text span ff="monospace" size="xs">
                  {property ?? 'no CRM property'}
                </Text>{' '}
                <Text span size="xs" c="dimmed">
                  {f.rule === 'auto' && f.autoApplyEnabled
                    ? `applied at ${Math.round(f.threshold * 100)}% or more`
                    : 'after a person approves'}
                </Text>
              </List.Item>
            );
          })}
        </List>
        {untouched.length > 0 && (
          <Text size="xs" c="dimmed" mt="xs">
            Never touches: {untouched.map((f) => fieldLabel(f.field)).join(', ')}.
          </Text>
        )}
        <Text size="xs" c="dimmed" mt="xs">
          Every write goes through the write ledger with an audit note on the record, and can be
          undone from Actions.
        </Text>
      </Card>
    </SimpleGrid>
  );
}

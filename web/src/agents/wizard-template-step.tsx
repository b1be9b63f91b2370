import { Badge, Card, Group, Radio, SimpleGrid, Stack, Text } from '@mantine/core';
import { QueryError } from '../components/query-error';
import { fieldLabel } from './field-display';
import { useAgentTemplates } from './queries';
import { applyTemplate, orderTemplates, templateRules, type AgentDraft } from './wizard-state';

interface TemplateStepProps {
  workspaceId: string;
  draft: AgentDraft;
  onChange: (change: Partial<AgentDraft>) => void;
}

/** Step 4: a starting set of fields and rules per call type; every rule can be changed next. */
export function TemplateStep({ workspaceId, draft, onChange }: TemplateStepProps) {
  const templates = useAgentTemplates(workspaceId);
  if (templates.isError) {
    return (
      <QueryError
        title="Could not load the templates"
        error={templates.error}
        onRetry={() => void templates.refetch()}
        retrying={templates.isFetching}
      />
    );
  }
  const list = orderTemplates(templates.data?.templates ?? [], draft.callTypes);
  return (
    <Radio.Group
      value={draft.templateId}
      onChange={(templateId) => {
        const template = list.find((t) => t.id === templateId);
        if (!template) return;
        onChange({ templateId, fields: applyTemplate(draft.fields, templateRules(template)) });
      }}
      label="Start from a template"
      description="Fields and rules for the kind of call; you adjust each one next."
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }} mt="sm">
        {list.map((template) => (
          <Card key={template.id} withBorder padding="sm" data-testid={`template-${template.id}`}>
            <Radio
              value={template.id}
              label={
                <Group gap="xs">
                  <Text size="sm" fw={600}>
                    {template.name}
                  </Text>
                  {template.callTypes.map((type) => (
                    <Badge key={type} size="xs" variant="light">
                      {type}
                    </Badge>
                  ))}
                </Group>
              }
            />
            <Stack gap={4} mt="xs" ml={32}>
              <Text size="xs" c="dimmed">
                {template.description}
              </Text>
              <Text size="xs">
                {template.fields
                  .filter((f) => f.rule !== 'never')
                  .map((f) => `${fieldLabel(f.field)} (${f.rule})`)
                  .join(', ')}
              </Text>
            </Stack>
          </Card>
        ))}
      </SimpleGrid>
    </Radio.Group>
  );
}

import { Button, Card, Stack, Text, Title, Tooltip } from '@mantine/core';
import type { StepCategory, StepTypeId } from './types';

export interface PaletteStepType {
  id: StepTypeId;
  category: StepCategory;
  title: string;
  description: string;
  effect: 'read' | 'write';
  allowedInAutomations: boolean;
}

const CATEGORIES: { id: StepCategory; label: string }[] = [
  { id: 'basic', label: 'Basic' },
  { id: 'advanced', label: 'Advanced' },
  { id: 'integration', label: 'Integration' },
  { id: 'control', label: 'Control' },
];

/**
 * The step types by category; a click adds one at the end of the flow. An automation
 * offers only the types a member's automation may use.
 */
export function StepPalette({
  stepTypes,
  automation,
  onAdd,
  disabled,
}: {
  stepTypes: readonly PaletteStepType[];
  automation: boolean;
  onAdd: (type: StepTypeId) => void;
  disabled?: boolean;
}) {
  return (
    <Card withBorder padding="sm" radius="md" component="aside" aria-label="Steps">
      <Title order={5} mb="xs">
        Add a step
      </Title>
      <Stack gap="md">
        {CATEGORIES.map((category) => {
          const types = stepTypes.filter((type) => type.category === category.id);
          if (types.length === 0) return null;
          return (
            <Stack key={category.id} gap={4} role="group" aria-label={category.label}>
              <Text size="xs" fw={700} c="dimmed" tt="uppercase">
                {category.label}
              </Text>
              {types.map((type) => {
                const refused = automation && !type.allowedInAutomations;
                return (
                  <Tooltip
                    key={type.id}
                    label={refused ? 'Not available in automations' : type.description}
                    multiline
                    w={260}
                    position="right"
                    withinPortal
                  >
                    <Button
                      variant="default"
                      size="xs"
                      justify="space-between"
                      fullWidth
                      disabled={disabled || refused}
                      onClick={() => onAdd(type.id)}
                      rightSection={
                        type.effect === 'write' ? (
                          <Text size="xs" c="orange">
                            write
                          </Text>
                        ) : undefined
                      }
                    >
                      {type.title}
                    </Button>
                  </Tooltip>
                );
              })}
            </Stack>
          );
        })}
      </Stack>
    </Card>
  );
}

import {
  ActionIcon,
  Badge,
  Card,
  Collapse,
  Group,
  NumberInput,
  Stack,
  Text,
  TextInput,
  UnstyledButton,
} from '@mantine/core';
import type { JsonSchema } from './schema-form';
import { ConfigFields } from './schema-fields';
import type { PaletteStepType } from './step-palette';
import type { DraftStep } from './types';
import { VariablesContext } from './variable-picker';
import type { VariableOption } from './variables';

export interface StepTypeInfo extends PaletteStepType {
  configSchema: unknown;
  jumpFields: string[];
  /** Config keys taken as written (run_javascript's code): no template goes in them. */
  literalFields?: string[];
}

/** The errors under `config.` as paths inside the config. */
function configErrors(errors: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(errors)
      .filter(([path]) => path.startsWith('config.') || path === 'config')
      .map(([path, message]) => [path === 'config' ? '' : path.slice('config.'.length), message]),
  );
}

/** One step of the flow: a header to open it, then its key, name, config and limits. */
export function StepEditor({
  step,
  index,
  count,
  stepType,
  opened,
  onToggle,
  onChange,
  onMove,
  onRemove,
  laterSteps,
  variables,
  errors,
  status,
  readOnly,
}: {
  step: DraftStep;
  index: number;
  count: number;
  stepType: StepTypeInfo | undefined;
  opened: boolean;
  onToggle: () => void;
  onChange: (step: DraftStep) => void;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
  laterSteps: string[];
  variables: readonly VariableOption[];
  errors: Record<string, string>;
  /** The last test run's status of this step, shown on its header. */
  status?: string;
  readOnly?: boolean;
}) {
  const hasErrors = Object.keys(errors).length > 0;
  const config = configErrors(errors);
  return (
    <Card
      withBorder
      padding="sm"
      radius="md"
      data-testid="flow-step"
      aria-label={`Step ${index + 1}: ${step.key}`}
      style={hasErrors ? { borderColor: 'var(--mantine-color-red-5)' } : undefined}
    >
      <Group justify="space-between" wrap="nowrap">
        <UnstyledButton onClick={onToggle} style={{ flex: 1 }} aria-expanded={opened}>
          <Group gap="xs" wrap="nowrap">
            <Badge variant="light" circle>
              {index + 1}
            </Badge>
            <Text fw={600} ff="monospace" size="sm">
              {step.key}
            </Text>
            <Text size="sm" c="dimmed" truncate>
              {step.name ?? stepType?.title ?? step.type}
            </Text>
            {stepType?.effect === 'write' && (
              <Badge size="xs" color="orange" variant="light">
                write
              </Badge>
            )}
            {status && (
              <Badge
                size="xs"
                variant="dot"
                color={status === 'completed' ? 'green' : status === 'failed' ? 'red' : 'gray'}
              >
                {status}
              </Badge>
            )}
            {hasErrors && (
              <Badge size="xs" color="red">
                needs a fix
              </Badge>
            )}
          </Group>
        </UnstyledButton>
        {!readOnly && (
          <Group gap={2} wrap="nowrap">
            <ActionIcon
              variant="subtle"
              aria-label={`Move ${step.key} up`}
              disabled={index === 0}
              onClick={() => onMove(-1)}
            >
              ↑
            </ActionIcon>
            <ActionIcon
              variant="subtle"
              aria-label={`Move ${step.key} down`}
              disabled={index === count - 1}
              onClick={() => onMove(1)}
            >
              ↓
            </ActionIcon>
            <ActionIcon
              variant="subtle"
              color="red"
              aria-label={`Remove ${step.key}`}
              onClick={onRemove}
            >
              ×
            </ActionIcon>
          </Group>
        )}
      </Group>
      <Collapse in={opened}>
        <VariablesContext.Provider value={variables}>
          <fieldset disabled={readOnly} style={{ border: 0, padding: 0, margin: 0 }}>
            <Stack gap="sm" mt="sm">
              {stepType && (
                <Text size="sm" c="dimmed">
                  {stepType.description}
                </Text>
              )}
              {errors[''] && (
                <Text size="sm" c="red">
                  {errors['']}
                </Text>
              )}
              <Group grow align="flex-start">
                <TextInput
                  label="Step key"
                  description={`Later steps read {{steps.${step.key}.output}}`}
                  value={step.key}
                  error={errors.key}
                  onChange={(event) => onChange({ ...step, key: event.currentTarget.value })}
                />
                <TextInput
                  label="Step name"
                  placeholder={stepType?.title}
                  value={step.name ?? ''}
                  error={errors.name}
                  onChange={(event) => {
                    const { name: _name, ...rest } = step;
                    const name = event.currentTarget.value;
                    onChange(name ? { ...rest, name } : rest);
                  }}
                />
              </Group>
              {stepType ? (
                <ConfigFields
                  schema={stepType.configSchema as JsonSchema}
                  jumpFields={stepType.jumpFields}
                  literalFields={stepType.literalFields}
                  laterSteps={laterSteps}
                  value={step.config}
                  onChange={(config) => onChange({ ...step, config })}
                  errors={config}
                />
              ) : (
                <Text size="sm" c="red">
                  This server does not know the step type {step.type}.
                </Text>
              )}
              <Group grow align="flex-start">
                <NumberInput
                  label="Tries"
                  description="1 = no retry"
                  min={1}
                  max={10}
                  value={step.retry?.attempts ?? ''}
                  error={errors['retry.attempts']}
                  onChange={(value) =>
                    onChange({
                      ...step,
                      retry: {
                        ...step.retry,
                        attempts: typeof value === 'number' ? value : undefined,
                      },
                    })
                  }
                />
                <NumberInput
                  label="Timeout (ms)"
                  min={1}
                  max={3_600_000}
                  value={step.timeoutMs ?? ''}
                  error={errors.timeoutMs}
                  onChange={(value) => {
                    const { timeoutMs: _t, ...rest } = step;
                    onChange(typeof value === 'number' ? { ...rest, timeoutMs: value } : rest);
                  }}
                />
              </Group>
            </Stack>
          </fieldset>
        </VariablesContext.Provider>
      </Collapse>
    </Card>
  );
}

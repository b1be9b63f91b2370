import { Alert, Grid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useMemo, useState, type ReactNode } from 'react';
import { addStep, moveStep, placeErrors, removeStep, replaceStep } from './builder-state';
import type { JsonSchema } from './schema-form';
import { StepEditor, type StepTypeInfo } from './step-editor';
import { StepPalette } from './step-palette';
import { TriggerEditor } from './trigger-editor';
import type { Definition } from './types';
import { variableOptions } from './variables';

export interface BuilderValues extends Definition {
  name: string;
  description: string;
}

/**
 * The flow builder: name, trigger and steps in the middle, the step types by category
 * in a sidebar, each step's config form from its type's schema with the variable picker.
 * It holds the edit; the page saves it (`toolbar` gets the current values).
 */
export function FlowBuilder({
  initial,
  stepTypes,
  automation = false,
  secretNames,
  sampleInput,
  outputs,
  stepStatuses,
  errorDetails,
  readOnly,
  toolbar,
  aside,
}: {
  initial: BuilderValues;
  stepTypes: readonly StepTypeInfo[];
  automation?: boolean;
  secretNames?: readonly string[];
  /** The test run's input, whose fields `{{trigger.x}}` offers. */
  sampleInput?: unknown;
  /** The last test run's outputs by step key. */
  outputs?: Record<string, unknown>;
  stepStatuses?: Record<string, string>;
  /** invalid_flow's details from the last save. */
  errorDetails?: unknown;
  readOnly?: boolean;
  toolbar: (values: BuilderValues, dirty: boolean, markSaved: () => void) => ReactNode;
  /** Under the palette: the test run panel. */
  aside?: ReactNode;
}) {
  const [values, setValues] = useState(initial);
  const [dirty, setDirty] = useState(false);
  const [opened, setOpened] = useState<string | null>(initial.steps[0]?.key ?? null);
  const byType = useMemo(() => new Map(stepTypes.map((t) => [t.id, t])), [stepTypes]);
  const errors = useMemo(() => placeErrors(errorDetails), [errorDetails]);

  const edit = (next: BuilderValues) => {
    setValues(next);
    setDirty(true);
  };
  const editDefinition = (definition: Definition) => edit({ ...values, ...definition });

  return (
    <Grid gutter="md">
      <Grid.Col span={{ base: 12, md: 3 }}>
        <Stack gap="md">
          <StepPalette
            stepTypes={stepTypes}
            automation={automation}
            disabled={readOnly}
            onAdd={(type) => {
              const schema = (byType.get(type)?.configSchema ?? {}) as JsonSchema;
              const next = addStep(values, type, schema);
              editDefinition(next);
              setOpened(next.steps.at(-1)!.key);
            }}
          />
          {aside}
        </Stack>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 9 }}>
        <Stack gap="md" data-testid="flow-builder">
          {toolbar(values, dirty, () => setDirty(false))}
          {errors.other.length > 0 && (
            <Alert color="red" title="The flow cannot be saved">
              {errors.other.map((message) => (
                <Text size="sm" key={message}>
                  {message}
                </Text>
              ))}
            </Alert>
          )}
          <TextInput
            label="Flow name"
            required
            value={values.name}
            readOnly={readOnly}
            onChange={(event) => edit({ ...values, name: event.currentTarget.value })}
          />
          <Textarea
            label="Description"
            autosize
            minRows={1}
            value={values.description}
            readOnly={readOnly}
            onChange={(event) => edit({ ...values, description: event.currentTarget.value })}
          />
          <TriggerEditor
            trigger={values.trigger}
            errors={errors.trigger}
            readOnly={readOnly}
            onChange={(trigger) => editDefinition({ ...values, trigger })}
          />
          {values.steps.length === 0 && (
            <Text c="dimmed" size="sm" ta="center" py="lg">
              No steps yet: add one from the sidebar.
            </Text>
          )}
          {values.steps.map((step, index) => (
            <StepEditor
              // The position: a key being retyped must not remount the form under the cursor.
              key={index}
              step={step}
              index={index}
              count={values.steps.length}
              stepType={byType.get(step.type)}
              opened={opened === step.key}
              onToggle={() => setOpened(opened === step.key ? null : step.key)}
              onChange={(next) => {
                if (opened === step.key) setOpened(next.key);
                editDefinition(replaceStep(values, index, next));
              }}
              onMove={(by) => editDefinition(moveStep(values, index, by))}
              onRemove={() => editDefinition(removeStep(values, index))}
              laterSteps={values.steps.slice(index + 1).map((s) => s.key)}
              variables={variableOptions({
                trigger: values.trigger,
                steps: values.steps,
                index,
                sampleInput,
                outputs,
                secretNames,
              })}
              errors={errors.steps[index] ?? {}}
              status={stepStatuses?.[step.key]}
              readOnly={readOnly}
            />
          ))}
        </Stack>
      </Grid.Col>
    </Grid>
  );
}

/** The builder's values as the API's create or update body. */
export function definitionBody(values: BuilderValues) {
  return {
    name: values.name.trim(),
    description: values.description.trim() || undefined,
    trigger: values.trigger,
    steps: values.steps,
  };
}

import { Card, Group, NativeSelect, Stack, TextInput, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { formatValueText, parseValueText } from './schema-form';
import type { DraftTrigger, EventType } from './types';

export const EVENT_TYPES = [
  { value: 'action.created', label: 'An action is created' },
  { value: 'action.executed', label: 'An action is executed' },
  { value: 'deal.stage_changed', label: "A deal's stage changes" },
  { value: 'conversation.linked', label: 'A meeting is linked' },
  { value: 'agent_run.finished', label: 'An agent run finishes' },
  { value: 'inbox_item.decided', label: 'An inbox item is decided' },
  { value: 'anomaly.raised', label: 'An anomaly is raised' },
];

const TRIGGER_TYPES = [
  { value: 'manual', label: 'Manually (or from the API)' },
  { value: 'schedule', label: 'On a schedule' },
  { value: 'event', label: 'When something happens' },
  { value: 'webhook', label: 'An incoming webhook' },
];

function defaultTrigger(type: string): DraftTrigger {
  switch (type) {
    case 'schedule':
      return {
        type: 'schedule',
        cron: '0 9 * * 1-5',
        timezone: Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC',
      };
    case 'event':
      return { type: 'event', event: 'deal.stage_changed' };
    case 'webhook':
      return { type: 'webhook' };
    default:
      return { type: 'manual' };
  }
}

/** What starts the flow: its type, and the cron, event or nothing each needs. */
export function TriggerEditor({
  trigger,
  onChange,
  errors,
  readOnly,
}: {
  trigger: DraftTrigger;
  onChange: (trigger: DraftTrigger) => void;
  errors: Record<string, string>;
  readOnly?: boolean;
}) {
  const [filterText, setFilterText] = useState<string | null>(null);
  return (
    <Card withBorder padding="md" radius="md" data-testid="trigger">
      <Title order={5} mb="xs">
        Trigger
      </Title>
      <Stack gap="sm">
        <NativeSelect
          label="Starts"
          data={TRIGGER_TYPES}
          value={trigger.type}
          disabled={readOnly}
          error={errors['']}
          onChange={(event) => onChange(defaultTrigger(event.currentTarget.value))}
        />
        {trigger.type === 'schedule' && (
          <Group grow align="flex-start">
            <TextInput
              label="Cron"
              description="minute hour day month weekday"
              value={trigger.cron}
              error={errors.cron}
              readOnly={readOnly}
              onChange={(event) => onChange({ ...trigger, cron: event.currentTarget.value })}
            />
            <TextInput
              label="Time zone"
              description="An IANA zone: Europe/Paris"
              value={trigger.timezone}
              error={errors.timezone}
              readOnly={readOnly}
              onChange={(event) => onChange({ ...trigger, timezone: event.currentTarget.value })}
            />
          </Group>
        )}
        {trigger.type === 'event' && (
          <>
            <NativeSelect
              label="Event"
              data={EVENT_TYPES}
              value={trigger.event}
              error={errors.event}
              disabled={readOnly}
              onChange={(event) =>
                onChange({ ...trigger, event: event.currentTarget.value as EventType })
              }
            />
            <Textarea
              label="Only when"
              description='Equality on the event&apos;s fields, as JSON: {"toStage": "negotiation"}'
              autosize
              minRows={1}
              readOnly={readOnly}
              value={filterText ?? formatValueText(trigger.filter)}
              error={errors.filter}
              onChange={(event) => {
                const text = event.currentTarget.value;
                setFilterText(text);
                const parsed = parseValueText(text);
                if (parsed === undefined) {
                  const { filter: _dropped, ...rest } = trigger;
                  onChange(rest);
                } else if (
                  typeof parsed === 'object' &&
                  parsed !== null &&
                  !Array.isArray(parsed)
                ) {
                  onChange({ ...trigger, filter: parsed as Record<string, string> });
                }
              }}
              onBlur={() => setFilterText(null)}
            />
          </>
        )}
      </Stack>
    </Card>
  );
}

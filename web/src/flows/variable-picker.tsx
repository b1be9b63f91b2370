import { ActionIcon, Menu, ScrollArea, Text, Tooltip } from '@mantine/core';
import { createContext, useContext } from 'react';
import type { VariableGroup, VariableOption } from './variables';

/** What the fields of the step being edited may insert; set by the step's editor. */
export const VariablesContext = createContext<readonly VariableOption[]>([]);

const GROUPS: VariableGroup[] = ['Trigger', 'Variables', 'Steps', 'Secrets'];

/** A `{ }` button beside a text input that inserts a `{{...}}` template into it. */
export function VariablePicker({
  label,
  onPick,
}: {
  /** The field's label, for the button's accessible name. */
  label: string;
  onPick: (template: string) => void;
}) {
  const options = useContext(VariablesContext);
  return (
    <Menu position="bottom-end" withinPortal shadow="md" width={320}>
      <Menu.Target>
        <Tooltip label="Insert a variable" withinPortal>
          <ActionIcon
            variant="light"
            size="sm"
            miw={30}
            aria-label={`Insert a variable into ${label}`}
          >
            <Text fz={10} fw={700} ff="monospace" lh={1}>
              {'{x}'}
            </Text>
          </ActionIcon>
        </Tooltip>
      </Menu.Target>
      <Menu.Dropdown data-testid="variable-picker">
        <ScrollArea.Autosize mah={320} type="auto">
          {options.length === 0 && (
            <Text size="sm" c="dimmed" p="xs">
              Nothing to insert yet: add a sample input or earlier steps.
            </Text>
          )}
          {GROUPS.map((group) => {
            const inGroup = options.filter((option) => option.group === group);
            if (inGroup.length === 0) return null;
            return (
              <div key={group}>
                <Menu.Label>{group}</Menu.Label>
                {inGroup.map((option) => (
                  <Menu.Item
                    key={option.template}
                    onClick={() => onPick(option.template)}
                    rightSection={
                      option.hint ? (
                        <Text size="xs" c="dimmed" truncate maw={110}>
                          {option.hint}
                        </Text>
                      ) : undefined
                    }
                  >
                    <Text size="xs" ff="monospace">
                      {option.template}
                    </Text>
                  </Menu.Item>
                ))}
              </div>
            );
          })}
        </ScrollArea.Autosize>
      </Menu.Dropdown>
    </Menu>
  );
}

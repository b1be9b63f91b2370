import { Group, Text } from '@mantine/core';
import type { ReactNode } from 'react';

/** The builder's row of buttons, with what the save state is. */
export function EditorToolbar({
  dirty,
  children,
  status,
}: {
  dirty: boolean;
  children: ReactNode;
  status?: ReactNode;
}) {
  return (
    <Group justify="space-between" data-testid="builder-toolbar">
      <Text size="sm" c={dirty ? 'yellow.8' : 'dimmed'}>
        {dirty ? 'Unsaved changes' : status}
      </Text>
      <Group gap="xs">{children}</Group>
    </Group>
  );
}

import { Button, Center, Code, Group, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { Link, useRouteError } from 'react-router';

/** Shown when a page crashes while rendering, instead of a blank screen. */
export function RouteError() {
  const error = useRouteError();
  useDocumentTitle('Error · Pandora');
  const message = error instanceof Error ? error.message : String(error);
  return (
    <Center mih={360} p="md">
      <Stack align="center" gap="sm" maw={560} role="alert">
        <Title order={2}>This page hit an error</Title>
        <Text c="dimmed" ta="center">
          Reload to try again. If it keeps happening, report the message below.
        </Text>
        <Code block w="100%">
          {message}
        </Code>
        <Group>
          <Button onClick={() => window.location.reload()}>Reload</Button>
          <Button component={Link} to="/" variant="default">
            Go to my workspace
          </Button>
        </Group>
      </Stack>
    </Center>
  );
}

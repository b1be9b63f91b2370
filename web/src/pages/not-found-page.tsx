import { Button, Center, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { Link } from 'react-router';

interface NotFoundPageProps {
  title?: string;
  message?: string;
  /** False inside the workspace shell, where the header and navigation stay. */
  fullScreen?: boolean;
}

export function NotFoundPage({
  title = 'Page not found',
  message = 'There is nothing at this address. Check the link, or go back to your workspace.',
  fullScreen = true,
}: NotFoundPageProps) {
  useDocumentTitle(`${title} · Pandora`);
  return (
    <Center mih={fullScreen ? '100vh' : 360} p="md">
      <Stack align="center" gap="sm" maw={480} data-testid="not-found">
        <Text fz={64} fw={800} c="dimmed" lh={1}>
          404
        </Text>
        <Title order={2} ta="center">
          {title}
        </Title>
        <Text c="dimmed" ta="center">
          {message}
        </Text>
        <Button component={Link} to="/" mt="sm">
          Go to my workspace
        </Button>
      </Stack>
    </Center>
  );
}

import { Button, Center, Container, Loader, Stack, Text, Title } from '@mantine/core';
import { Navigate } from 'react-router';
import { isUnauthenticated } from '../api';
import { QueryError } from '../components/query-error';
import { ReceivedInvitations } from '../components/received-invitations';
import { useMe } from '../queries';

/** `/`: opens the first workspace, or the login page when nobody is signed in. */
export function HomeRedirect() {
  const me = useMe();
  if (me.isError && isUnauthenticated(me.error)) return <Navigate to="/login" replace />;
  if (!me.data) {
    if (me.isError) {
      return (
        <Container size="sm" py="xl">
          <QueryError
            title="Could not load your account"
            error={me.error}
            onRetry={() => void me.refetch()}
            retrying={me.isFetching}
          />
        </Container>
      );
    }
    return (
      <Center h="100vh">
        <Loader aria-label="Loading" />
      </Center>
    );
  }
  const first = me.data.workspaces[0];
  if (first) return <Navigate to={`/w/${first.id}`} replace />;
  return (
    <Center h="100vh" p="md">
      <Stack align="center" maw={420}>
        <Title order={2}>No workspace yet</Title>
        <Text c="dimmed" ta="center">
          Your account is not a member of any workspace. Ask a workspace admin to invite{' '}
          {me.data.user?.email ?? 'you'} under Settings › Members.
        </Text>
        <ReceivedInvitations enabled={me.data.user !== null} />
        <Button component="a" href="/login" variant="default">
          Sign in as someone else
        </Button>
      </Stack>
    </Center>
  );
}

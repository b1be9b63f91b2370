import {
  AppShell,
  Badge,
  Burger,
  Button,
  Center,
  Container,
  Group,
  Loader,
  NavLink,
  Stack,
  Text,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link, Navigate, Outlet, useLocation, useNavigate, useParams } from 'react-router';
import { call, client, isUnauthenticated } from '../api';
import { QueryError } from '../components/query-error';
import { ReceivedInvitations } from '../components/received-invitations';
import { InboxHeaderButton, InboxNavLink } from '../inbox/inbox-nav';
import { NotificationBell } from '../notifications/bell';
import { WorkspaceSwitcher } from '../components/workspace-switcher';
import { notifyError } from '../notify';
import { useMe } from '../queries';
import type { WorkspaceContext } from '../workspace-context';
import { NotFoundPage } from './not-found-page';

function useLogout() {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => call(client.POST('/api/auth/logout')),
    onSuccess: async () => {
      await navigate('/login', { replace: true });
      // After leaving: nothing of this user's data may outlive the session.
      queryClient.clear();
    },
    onError: (error) => {
      if (!isUnauthenticated(error)) notifyError('Could not log out', error);
    },
  });
}

/** The signed-in shell for `/w/:workspaceId/*`: header, navigation, and the page. */
export function WorkspaceLayout() {
  const { workspaceId = '' } = useParams();
  const location = useLocation();
  const me = useMe();
  const logout = useLogout();
  const [navOpened, { toggle: toggleNav, close: closeNav }] = useDisclosure(false);

  // A failed background refetch keeps the last good answer on screen; only a lost
  // session or a first load that failed replaces the page.
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
        <Stack align="center" gap="xs">
          <Loader />
          <Text size="sm" c="dimmed">
            Loading your workspace…
          </Text>
        </Stack>
      </Center>
    );
  }

  const { user, workspaces } = me.data;
  const workspace = workspaces.find((candidate) => candidate.id === workspaceId);
  if (!workspace) {
    return (
      <NotFoundPage
        title="Workspace not found"
        message="This workspace does not exist, or you are not one of its members."
      />
    );
  }

  const base = `/w/${workspace.id}`;
  const path = location.pathname.replace(/\/+$/, '');
  const context: WorkspaceContext = { user, workspace, isAdmin: workspace.role === 'admin' };

  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 220, breakpoint: 'sm', collapsed: { mobile: !navOpened } }}
      padding="lg"
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger
              opened={navOpened}
              onClick={toggleNav}
              hiddenFrom="sm"
              size="sm"
              aria-label="Toggle navigation"
            />
            <Text component={Link} to={base} fw={800} size="lg" c="blue">
              Pandora
            </Text>
            {workspaces.length > 1 ? (
              <WorkspaceSwitcher workspaces={workspaces} currentId={workspace.id} />
            ) : (
              <Text size="sm" fw={500} data-testid="workspace-name">
                {workspace.name}
              </Text>
            )}
            {workspace.isDemo && (
              <Badge variant="light" color="grape" visibleFrom="xs">
                Demo
              </Badge>
            )}
          </Group>
          <Group gap="sm" wrap="nowrap">
            <InboxHeaderButton workspaceId={workspace.id} />
            <NotificationBell workspaceId={workspace.id} />
            <Text size="sm" c="dimmed" visibleFrom="xs" data-testid="user-email">
              {user?.email ?? 'API key'}
            </Text>
            <Button
              variant="default"
              size="xs"
              onClick={() => logout.mutate()}
              loading={logout.isPending}
            >
              Log out
            </Button>
          </Group>
        </Group>
      </AppShell.Header>

      <AppShell.Navbar p="xs" aria-label="Main navigation">
        <NavLink
          component={Link}
          to={base}
          label="Overview"
          active={path === base}
          onClick={closeNav}
        />
        <NavLink
          component={Link}
          to={`${base}/meetings`}
          label="Meetings"
          active={path.startsWith(`${base}/meetings`)}
          onClick={closeNav}
        />
        <InboxNavLink
          workspaceId={workspace.id}
          active={path.startsWith(`${base}/inbox`)}
          onClick={closeNav}
        />
        <NavLink
          component={Link}
          to={`${base}/agents`}
          label="Agents"
          active={path.startsWith(`${base}/agents`)}
          onClick={closeNav}
        />
        <NavLink
          component={Link}
          to={`${base}/flows`}
          label="Flows"
          active={path.startsWith(`${base}/flows`) || path.startsWith(`${base}/flow-runs`)}
          onClick={closeNav}
        />
        <NavLink
          component={Link}
          to={`${base}/automations`}
          label="My automations"
          active={path.startsWith(`${base}/automations`)}
          onClick={closeNav}
        />
        <NavLink
          component={Link}
          to={`${base}/boards`}
          label="Boards"
          active={path.startsWith(`${base}/boards`)}
          onClick={closeNav}
        />
        <NavLink
          component={Link}
          to={`${base}/activity`}
          label="Activity"
          active={path.startsWith(`${base}/activity`) || path.startsWith(`${base}/anomalies`)}
          onClick={closeNav}
        />
        <NavLink
          component={Link}
          to={`${base}/actions`}
          label="Actions"
          active={path.startsWith(`${base}/actions`)}
          onClick={closeNav}
        />
        <NavLink
          component={Link}
          to={`${base}/policies`}
          label="Policies"
          active={path.startsWith(`${base}/policies`)}
          onClick={closeNav}
        />
        <NavLink
          component={Link}
          to={`${base}/settings`}
          label="Settings"
          active={path.startsWith(`${base}/settings`)}
          onClick={closeNav}
        />
        <Text size="xs" c="dimmed" mt="auto" p="xs">
          Your role: {workspace.role}
        </Text>
      </AppShell.Navbar>

      <AppShell.Main>
        <Container size="lg" px={0} key={workspace.id}>
          <ReceivedInvitations enabled={user !== null} mb="md" />
          <Outlet context={context} />
        </Container>
      </AppShell.Main>
    </AppShell>
  );
}

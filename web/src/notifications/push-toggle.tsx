import { Alert, Group, Stack, Switch, Text } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { call, client } from '../api';
import { notifyError, notifySuccess } from '../notify';

/** What this browser can do about push, before anything is asked of the person. */
type Support = 'unsupported' | 'insecure' | 'supported';

function support(): Support {
  if (
    !('serviceWorker' in navigator) ||
    !('PushManager' in window) ||
    !('Notification' in window)
  ) {
    return 'unsupported';
  }
  // Browsers offer push only on https or localhost.
  return window.isSecureContext ? 'supported' : 'insecure';
}

/** The VAPID public key (base64url) as the bytes `pushManager.subscribe` takes. */
function keyBytes(base64url: string): Uint8Array<ArrayBuffer> {
  const base64 = base64url.replace(/-/g, '+').replace(/_/g, '/');
  const raw = atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4));
  const bytes = new Uint8Array(new ArrayBuffer(raw.length));
  for (let i = 0; i < raw.length; i += 1) bytes[i] = raw.charCodeAt(i);
  return bytes;
}

async function registration(): Promise<ServiceWorkerRegistration> {
  await navigator.serviceWorker.register('/sw.js');
  return navigator.serviceWorker.ready;
}

async function currentSubscription(): Promise<PushSubscription | null> {
  const existing = await navigator.serviceWorker.getRegistration('/');
  return existing ? existing.pushManager.getSubscription() : null;
}

/**
 * Desktop notifications in this browser: subscribes it (asking the browser's permission
 * first) with the server's VAPID key and stores the subscription for the signed-in
 * member, or unsubscribes it. A denied permission is explained, since only the
 * browser's site settings can undo it.
 */
export function PushToggle({ workspaceId }: { workspaceId: string }) {
  const supported = support();
  const state = useQuery({
    queryKey: ['push-subscription', workspaceId],
    enabled: supported === 'supported',
    queryFn: async () => {
      const subscription = await currentSubscription();
      const { subscriptions } = await call(
        client.GET('/api/workspaces/{workspaceId}/push-subscriptions', {
          params: { path: { workspaceId } },
        }),
      );
      const stored = subscription
        ? subscriptions.some((row) => row.endpoint === subscription.endpoint)
        : false;
      return { permission: Notification.permission, subscribed: stored };
    },
  });

  const toggle = useMutation({
    mutationFn: async (on: boolean) => {
      if (!on) {
        const subscription = await currentSubscription();
        if (subscription) {
          await call(
            client.DELETE('/api/workspaces/{workspaceId}/push-subscriptions', {
              params: { path: { workspaceId } },
              body: { endpoint: subscription.endpoint },
            }),
          );
          await subscription.unsubscribe();
        }
        return false;
      }
      const permission = await Notification.requestPermission();
      if (permission !== 'granted') {
        throw new Error(
          permission === 'denied'
            ? 'This browser blocks notifications from Pandora: allow them in its site settings, then try again'
            : 'Notifications were not allowed',
        );
      }
      const { publicKey } = await call(
        client.GET('/api/workspaces/{workspaceId}/push/public-key', {
          params: { path: { workspaceId } },
        }),
      );
      const worker = await registration();
      let subscription = await worker.pushManager.getSubscription();
      // A subscription made for another key (the server's keys changed) cannot be used.
      const key = subscription?.options.applicationServerKey;
      if (subscription && key && !sameBytes(new Uint8Array(key), keyBytes(publicKey))) {
        await subscription.unsubscribe();
        subscription = null;
      }
      subscription ??= await worker.pushManager.subscribe({
        userVisibleOnly: true,
        applicationServerKey: keyBytes(publicKey),
      });
      const json = subscription.toJSON();
      await call(
        client.POST('/api/workspaces/{workspaceId}/push-subscriptions', {
          params: { path: { workspaceId } },
          body: {
            endpoint: subscription.endpoint,
            keys: { p256dh: json.keys?.p256dh ?? '', auth: json.keys?.auth ?? '' },
            userAgent: navigator.userAgent.slice(0, 500),
          },
        }),
      );
      return true;
    },
    onSuccess: (on) => {
      notifySuccess(
        on
          ? 'This browser will show Pandora’s notifications'
          : 'Push notifications are off in this browser',
      );
      void state.refetch();
    },
    onError: (error) => {
      notifyError('Could not change push notifications', error);
      void state.refetch();
    },
  });

  if (supported !== 'supported') {
    return (
      <Text size="sm" c="dimmed">
        {supported === 'insecure'
          ? 'Desktop notifications need Pandora to be reached over https (or on localhost).'
          : 'This browser cannot show push notifications.'}
      </Text>
    );
  }
  const denied = state.data?.permission === 'denied';
  return (
    <Stack gap="xs">
      <Group gap="sm">
        <Switch
          label="Desktop notifications in this browser"
          checked={state.data?.subscribed ?? false}
          disabled={state.isPending || toggle.isPending || (denied && !state.data?.subscribed)}
          onChange={(event) => toggle.mutate(event.currentTarget.checked)}
        />
      </Group>
      {denied && (
        <Alert color="yellow" variant="light">
          This browser blocks notifications from Pandora. Allow them in the browser’s site settings
          to turn push on.
        </Alert>
      )}
    </Stack>
  );
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, i) => byte === b[i]);
}

import {
  Alert,
  Button,
  Divider,
  Group,
  Modal,
  SegmentedControl,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { ApiError, call, client, fieldErrors, type Connection, type CrmType } from '../api';
import { notifySuccess } from '../notify';
import { connectionChanged, connectionPath, workspacePath } from '../queries';
import { CRM_NAMES, crmName } from './crm-display';
import {
  CredentialFields,
  EMPTY_CREDENTIALS,
  TierSelect,
  credentialsBody,
  hubspotCredentials,
  salesforceCredentials,
  validateCredentials,
  type CredentialForm,
} from './credential-fields';

interface ConnectCrmModalProps {
  workspaceId: string;
  opened: boolean;
  onClose: () => void;
}

const CRM_OPTIONS = (Object.keys(CRM_NAMES) as CrmType[]).map((value) => ({
  value,
  label: CRM_NAMES[value],
}));

function isCrmType(value: string): value is CrmType {
  return value === 'hubspot' || value === 'salesforce';
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : 'Something went wrong';
}

/**
 * Connects HubSpot or Salesforce: through the CRM's sign-in (OAuth), with a token, or
 * to the server's sandbox CRM. A connection whose first test fails is kept, and the
 * form then fixes its credentials instead of creating another.
 */
export function ConnectCrmModal({ workspaceId, opened, onClose }: ConnectCrmModalProps) {
  const queryClient = useQueryClient();
  const [crmType, setCrmType] = useState<CrmType>('hubspot');
  const [name, setName] = useState('');
  const [form, setForm] = useState<CredentialForm>(EMPTY_CREDENTIALS);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  // The server has no OAuth app for these CRMs: the token form is the way in.
  const [oauthUnavailable, setOauthUnavailable] = useState<Partial<Record<CrmType, string>>>({});
  // Created, but its test failed: submitting again reconnects this one.
  const [failed, setFailed] = useState<Connection | null>(null);

  const connectionName = (fallback: string) => name.trim() || fallback;

  const finish = async (connection: Connection) => {
    await connectionChanged(queryClient, workspaceId, connection);
    if (connection.status === 'error') {
      setFailed(connection);
      return;
    }
    notifySuccess(`Connected “${connection.name}”; its first sync is queued`);
    onClose();
  };

  const showError = (error: unknown) => {
    const fields = fieldErrors(error);
    setErrors(fields);
    // A message about a field shows beside it; anything else above the buttons.
    setProblem(Object.keys(fields).length > 0 ? null : errorMessage(error));
  };

  const oauth = useMutation({
    mutationFn: () =>
      call(
        client.POST('/api/workspaces/{workspaceId}/connections/oauth/start', {
          ...workspacePath(workspaceId),
          body: {
            crmType,
            name: connectionName(crmName(crmType)),
            ...(crmType === 'hubspot' ? { tier: form.tier } : {}),
          },
        }),
      ),
    onSuccess: ({ authorizeUrl }) => window.location.assign(authorizeUrl),
    onError: (error) => {
      if (error instanceof ApiError && error.code === 'oauth_not_configured') {
        setOauthUnavailable((current) => ({ ...current, [crmType]: error.message }));
        setProblem(null);
      } else {
        showError(error);
      }
    },
  });

  const connectWithToken = useMutation({
    mutationFn: async () => {
      const credentials = credentialsBody(crmType, form);
      if (failed) {
        return call(
          client.PUT('/api/workspaces/{workspaceId}/connections/{connectionId}/credentials', {
            ...connectionPath(workspaceId, failed.id),
            body: credentials,
          }),
        );
      }
      const named = { name: connectionName(crmName(crmType)) };
      return crmType === 'hubspot'
        ? call(
            client.POST('/api/workspaces/{workspaceId}/connections/hubspot', {
              ...workspacePath(workspaceId),
              body: { ...named, ...hubspotCredentials(form) },
            }),
          )
        : call(
            client.POST('/api/workspaces/{workspaceId}/connections/salesforce', {
              ...workspacePath(workspaceId),
              body: { ...named, ...salesforceCredentials(form) },
            }),
          );
    },
    onSuccess: ({ connection }) => finish(connection),
    onError: showError,
  });

  const sandbox = useMutation({
    mutationFn: () =>
      call(
        client.POST('/api/workspaces/{workspaceId}/connections/sandbox', {
          ...workspacePath(workspaceId),
          body: { crmType, name: connectionName(`${crmName(crmType)} sandbox`) },
        }),
      ),
    onSuccess: ({ connection }) => finish(connection),
    onError: showError,
  });

  const pending = oauth.isPending || connectWithToken.isPending || sandbox.isPending;

  const reset = () => {
    setCrmType('hubspot');
    setName('');
    setForm(EMPTY_CREDENTIALS);
    setErrors({});
    setProblem(null);
    setFailed(null);
    oauth.reset();
    connectWithToken.reset();
    sandbox.reset();
  };

  const set = <K extends keyof CredentialForm>(key: K, value: CredentialForm[K]) => {
    setForm((current) => ({ ...current, [key]: value }));
    setErrors(({ [key]: _cleared, ...rest }) => rest);
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const next = validateCredentials(crmType, form);
    setErrors(next);
    setProblem(null);
    if (Object.keys(next).length === 0) connectWithToken.mutate();
  };

  const label = crmName(crmType);
  const oauthMessage = oauthUnavailable[crmType];

  return (
    <Modal
      opened={opened}
      onClose={pending ? () => undefined : onClose}
      onExitTransitionEnd={reset}
      title={failed ? `Check the ${label} credentials` : 'Connect a CRM'}
      centered
      size="lg"
    >
      <form onSubmit={submit} noValidate data-testid="connect-crm-form">
        <Stack>
          <SegmentedControl
            aria-label="CRM"
            fullWidth
            data={CRM_OPTIONS}
            value={crmType}
            disabled={pending || failed !== null}
            onChange={(value) => {
              if (!isCrmType(value)) return;
              setCrmType(value);
              setErrors({});
              setProblem(null);
            }}
          />
          <TextInput
            label="Connection name"
            description="How the console and the write log name it"
            placeholder={`${label} production`}
            maxLength={200}
            value={name}
            disabled={pending || failed !== null}
            onChange={(event) => {
              setName(event.currentTarget.value);
              setErrors(({ name: _cleared, ...rest }) => rest);
            }}
            error={errors.name}
          />

          {failed ? (
            <Alert
              color="red"
              variant="light"
              title="Saved, but the CRM refused the test"
              data-testid="connect-status-message"
            >
              {failed.statusMessage ?? 'The connection test failed.'} Correct the credentials and
              connect again, or close this and use Reconnect on its card later.
            </Alert>
          ) : (
            <>
              {crmType === 'hubspot' && (
                <TierSelect
                  value={form.tier}
                  onChange={(tier) => set('tier', tier)}
                  error={errors.tier}
                  disabled={pending}
                />
              )}
              <Button
                variant="default"
                onClick={() => oauth.mutate()}
                loading={oauth.isPending}
                disabled={pending || oauthMessage !== undefined}
              >
                Sign in with {label}
              </Button>
              {oauthMessage && (
                <Alert color="yellow" variant="light" data-testid="oauth-unavailable">
                  {oauthMessage} Connect with a token below instead.
                </Alert>
              )}
              <Divider
                label={
                  crmType === 'hubspot'
                    ? 'or with a private app token'
                    : 'or with an instance URL and access token'
                }
                labelPosition="center"
              />
            </>
          )}

          <CredentialFields
            crmType={crmType}
            form={form}
            errors={errors}
            onChange={set}
            withTier={failed !== null}
            disabled={pending}
          />

          {problem && (
            <Alert color="red" variant="light" role="alert" data-testid="connect-error">
              {problem}
            </Alert>
          )}

          <Group justify="flex-end">
            <Button variant="default" onClick={onClose} disabled={pending}>
              {failed ? 'Close' : 'Cancel'}
            </Button>
            <Button type="submit" loading={connectWithToken.isPending} disabled={pending}>
              {failed ? 'Reconnect' : 'Connect with token'}
            </Button>
          </Group>

          {!failed && (
            <>
              <Divider label="or try Pandora without a CRM account" labelPosition="center" />
              <Stack gap={4}>
                <Button
                  variant="light"
                  color="grape"
                  onClick={() => sandbox.mutate()}
                  loading={sandbox.isPending}
                  disabled={pending}
                >
                  Use the sandbox CRM (demo)
                </Button>
                <Text size="xs" c="dimmed" ta="center">
                  Connects the {label} emulator built into the Pandora server, filled with demo
                  data. Nothing leaves this machine.
                </Text>
              </Stack>
            </>
          )}
        </Stack>
      </form>
    </Modal>
  );
}

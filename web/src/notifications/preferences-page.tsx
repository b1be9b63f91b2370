import {
  Alert,
  Button,
  Card,
  Group,
  NativeSelect,
  SegmentedControl,
  Select,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useEffect, useMemo, useState } from 'react';
import { QueryError } from '../components/query-error';
import { TableSkeleton } from '../components/table-skeleton';
import { notifyError, notifySuccess } from '../notify';
import { useWorkspaceContext } from '../workspace-context';
import {
  browserTimeZone,
  CHANNEL_LABELS,
  CHANNEL_ORDER,
  changesOf,
  digestSummary,
  matrixOf,
  MODE_LABELS,
  modeAt,
  modesFor,
  sameSettings,
  timeZoneChoices,
  TYPE_LABELS,
  typeLabel,
  withMode,
  type DigestSettings,
  type Matrix,
  type ModeName,
} from './preferences-state';
import { PushToggle } from './push-toggle';
import { usePreferences, useSavePreferences } from './queries';
import type { PreferenceCell, Preferences, PreferencesUpdate } from './types';

type Type = PreferenceCell['type'];

const HOURS = Array.from({ length: 24 }, (_, hour) => ({
  value: String(hour),
  label: `${String(hour).padStart(2, '0')}:00`,
}));

/** `/w/:workspaceId/notifications/preferences`: how each kind of notification reaches the caller. */
export function PreferencesPage() {
  const { workspace } = useWorkspaceContext();
  useDocumentTitle(`Notification preferences · ${workspace.name} · Pandora`);
  const preferences = usePreferences(workspace.id);
  // Here, not in the form: saving remounts the form, and a mutation's own callbacks do
  // not run once the component that started it is gone.
  const save = useSavePreferences(workspace.id);

  return (
    <Stack gap="lg">
      <div>
        <Title order={2}>Notification preferences</Title>
        <Text c="dimmed" size="sm">
          How each kind of notification reaches you in {workspace.name}: at once, gathered into a
          digest, or not at all
        </Text>
      </div>
      {preferences.isError && !preferences.data ? (
        <QueryError
          title="Could not load your preferences"
          error={preferences.error}
          onRetry={() => void preferences.refetch()}
          retrying={preferences.isFetching}
        />
      ) : !preferences.data ? (
        <TableSkeleton rows={8} />
      ) : (
        // A new answer from the server (after saving) starts the form over from it.
        <>
          <Card withBorder padding="md">
            <Text fw={600} mb="xs">
              Desktop push in this browser
            </Text>
            <PushToggle workspaceId={workspace.id} />
          </Card>
          <PreferencesForm
            key={JSON.stringify(preferences.data)}
            loaded={preferences.data}
            saving={save.isPending}
            onSave={(body) =>
              save.mutate(body, {
                onSuccess: () => notifySuccess('Preferences saved'),
                onError: (error) => notifyError('Could not save your preferences', error),
              })
            }
          />
        </>
      )}
    </Stack>
  );
}

function PreferencesForm({
  loaded,
  saving,
  onSave,
}: {
  loaded: Preferences;
  saving: boolean;
  onSave: (body: PreferencesUpdate) => void;
}) {
  const [matrix, setMatrix] = useState<Matrix<Type>>(() => matrixOf<Type>(loaded.preferences));
  const [settings, setSettings] = useState<DigestSettings>(loaded.settings);
  const changes = changesOf(matrix);
  const settingsChanged = !sameSettings(settings, loaded.settings);
  const dirty = changes.length > 0 || settingsChanged;
  const defaults = useMemo(
    () =>
      new Set(loaded.preferences.filter((c) => c.isDefault).map((c) => `${c.type}/${c.channel}`)),
    [loaded.preferences],
  );

  const submit = () => onSave({ preferences: changes, ...(settingsChanged ? { settings } : {}) });

  return (
    <Stack gap="lg">
      <Alert variant="light" color="orange" title="Critical notifications always come at once">
        An error anomaly or an approval about to expire always comes at once: a digest does not hold
        it back, and unless you turned desktop push off for it, it is pushed to your desktop too.
        Turning a channel off still turns it off.
      </Alert>

      <Card withBorder padding="md">
        <Table.ScrollContainer minWidth={720}>
          <Table verticalSpacing="xs" data-testid="preferences-matrix">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Notification</Table.Th>
                {CHANNEL_ORDER.map((channel) => (
                  <Table.Th key={channel}>{CHANNEL_LABELS[channel]}</Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {matrix.types.map((type) => (
                <Table.Tr key={type}>
                  <Table.Td>
                    <Text size="sm" fw={500}>
                      {typeLabel(type)}
                    </Text>
                    {TYPE_LABELS[type] && (
                      <Text size="xs" c="dimmed">
                        {TYPE_LABELS[type].hint}
                      </Text>
                    )}
                  </Table.Td>
                  {CHANNEL_ORDER.map((channel) => {
                    const mode = modeAt(matrix, type, channel);
                    if (mode === undefined) return <Table.Td key={channel} />;
                    const changed = mode !== matrix.initial.get(`${type}/${channel}`);
                    return (
                      <Table.Td key={channel}>
                        <NativeSelect
                          size="xs"
                          aria-label={`${typeLabel(type)} by ${CHANNEL_LABELS[channel]}`}
                          value={mode}
                          data={modesFor(channel).map((value) => ({
                            value,
                            label: MODE_LABELS[value],
                          }))}
                          onChange={(event) =>
                            setMatrix((was) =>
                              withMode(was, type, channel, event.currentTarget.value as ModeName),
                            )
                          }
                          styles={{
                            input: {
                              fontWeight: changed ? 600 : undefined,
                              color:
                                !changed && defaults.has(`${type}/${channel}`)
                                  ? 'var(--mantine-color-dimmed)'
                                  : undefined,
                            },
                          }}
                        />
                      </Table.Td>
                    );
                  })}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        <Text size="xs" c="dimmed" mt="xs">
          Grey: Pandora&apos;s default, which follows future changes to the defaults. The console
          has no digest: it shows a notification when it happens, or not at all.
        </Text>
      </Card>

      <DigestCard settings={settings} onChange={setSettings} />

      <Group>
        <Button onClick={submit} disabled={!dirty} loading={saving}>
          Save preferences
        </Button>
        <Button
          variant="default"
          disabled={!dirty || saving}
          onClick={() => {
            setMatrix(matrixOf<Type>(loaded.preferences));
            setSettings(loaded.settings);
          }}
        >
          Undo changes
        </Button>
      </Group>
    </Stack>
  );
}

function DigestCard({
  settings,
  onChange,
}: {
  settings: DigestSettings;
  onChange: (settings: DigestSettings) => void;
}) {
  const zones = useMemo(() => timeZoneChoices(settings.timeZone), [settings.timeZone]);
  const [here, setHere] = useState<string | undefined>();
  useEffect(() => setHere(browserTimeZone()), []);
  return (
    <Card withBorder padding="md">
      <Stack gap="sm">
        <div>
          <Text fw={600}>Digest</Text>
          <Text size="sm" c="dimmed">
            What you set to &quot;Digest&quot; comes together in one message per channel:{' '}
            <span data-testid="digest-summary">{digestSummary(settings)}</span>
          </Text>
        </div>
        <Group align="flex-end" gap="md">
          <SegmentedControl
            aria-label="Digest period"
            value={settings.digestPeriod}
            onChange={(value) =>
              onChange({ ...settings, digestPeriod: value === 'hourly' ? 'hourly' : 'daily' })
            }
            data={[
              { value: 'daily', label: 'Daily' },
              { value: 'hourly', label: 'Hourly' },
            ]}
          />
          {settings.digestPeriod === 'daily' && (
            <Select
              label="At"
              w={110}
              data={HOURS}
              value={String(settings.digestHour)}
              allowDeselect={false}
              onChange={(value) =>
                value !== null && onChange({ ...settings, digestHour: Number(value) })
              }
            />
          )}
          <Select
            label="Time zone"
            w={260}
            data={zones}
            value={settings.timeZone}
            searchable
            allowDeselect={false}
            nothingFoundMessage="No such zone"
            onChange={(value) => value && onChange({ ...settings, timeZone: value })}
          />
          {here && here !== settings.timeZone && zones.includes(here) && (
            <Button variant="subtle" onClick={() => onChange({ ...settings, timeZone: here })}>
              Use this browser&apos;s ({here})
            </Button>
          )}
        </Group>
      </Stack>
    </Card>
  );
}

import { Button, Group, Modal, PasswordInput, Select, Stack, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api, fieldErrors, type NewMember, type Role } from '../api';
import { notifyError, notifySuccess } from '../notify';
import { queryKeys } from '../queries';
import { ROLE_OPTIONS, isRole } from '../roles';

// Matches the server's minimum for new accounts.
const MIN_PASSWORD_LENGTH = 8;

interface AddMemberModalProps {
  workspaceId: string;
  opened: boolean;
  onClose: () => void;
}

interface Form {
  email: string;
  name: string;
  role: Role;
  password: string;
}

const EMPTY: Form = { email: '', name: '', role: 'member', password: '' };

export function AddMemberModal({ workspaceId, opened, onClose }: AddMemberModalProps) {
  const queryClient = useQueryClient();
  const [form, setForm] = useState<Form>(EMPTY);
  const [errors, setErrors] = useState<Record<string, string>>({});

  const add = useMutation({
    mutationFn: (member: NewMember) => api.addMember(workspaceId, member),
    onSuccess: ({ member }) => {
      notifySuccess(`Added ${member.email} as ${member.role}`);
      close();
    },
    onError: (error) => {
      setErrors(fieldErrors(error));
      notifyError('Could not add the member', error);
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.members(workspaceId) }),
  });

  function close() {
    setForm(EMPTY);
    setErrors({});
    add.reset();
    onClose();
  }

  const set = <K extends keyof Form>(key: K, value: Form[K]) => {
    setForm((current) => ({ ...current, [key]: value }));
    setErrors(({ [key]: _cleared, ...rest }) => rest);
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const email = form.email.trim();
    const next: Record<string, string> = {};
    if (!/^\S+@\S+\.\S+$/.test(email)) next.email = 'Enter an email like someone@example.com';
    if (form.password && form.password.length < MIN_PASSWORD_LENGTH) {
      next.password = `Use at least ${MIN_PASSWORD_LENGTH} characters`;
    }
    setErrors(next);
    if (Object.keys(next).length > 0) return;
    add.mutate({
      email,
      role: form.role,
      ...(form.name.trim() ? { name: form.name.trim() } : {}),
      ...(form.password ? { password: form.password } : {}),
    });
  };

  return (
    <Modal
      opened={opened}
      onClose={add.isPending ? () => undefined : close}
      title="Add member"
      centered
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          <TextInput
            label="Email"
            type="email"
            data-autofocus
            value={form.email}
            onChange={(event) => set('email', event.currentTarget.value)}
            error={errors.email}
          />
          <TextInput
            label="Name"
            description="Optional; used when this creates a new account"
            value={form.name}
            onChange={(event) => set('name', event.currentTarget.value)}
            error={errors.name}
          />
          <Select
            label="Role"
            data={ROLE_OPTIONS}
            allowDeselect={false}
            value={form.role}
            onChange={(value) => {
              if (isRole(value)) set('role', value);
            }}
          />
          <PasswordInput
            label="Initial password"
            description="Only needed when this email has no Pandora account yet (8 characters or more)"
            autoComplete="new-password"
            value={form.password}
            onChange={(event) => set('password', event.currentTarget.value)}
            error={errors.password}
          />
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={close} disabled={add.isPending}>
              Cancel
            </Button>
            <Button type="submit" loading={add.isPending}>
              Add member
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

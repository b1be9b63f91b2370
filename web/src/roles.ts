import type { Role } from './api';

export const ROLE_OPTIONS: { value: Role; label: string }[] = [
  { value: 'admin', label: 'Admin' },
  { value: 'member', label: 'Member' },
];

export function isRole(value: string | null): value is Role {
  return value === 'admin' || value === 'member';
}

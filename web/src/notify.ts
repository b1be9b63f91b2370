import { notifications } from '@mantine/notifications';
import { ApiError } from './api';

/** Shows a failed action with the server's own message, which says what to do. */
export function notifyError(title: string, error: unknown): void {
  const message =
    error instanceof ApiError || error instanceof Error ? error.message : 'Something went wrong';
  notifications.show({ color: 'red', title, message, autoClose: 8000 });
}

export function notifySuccess(message: string): void {
  notifications.show({ color: 'green', message });
}

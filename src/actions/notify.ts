import type { CrmConnector } from '../crm/port.js';
import type { Queryable } from '../db/pool.js';
import { resolveManagers, type ManagerSource } from '../notifications/managers.js';
import { recordNotification } from '../notifications/record.js';
import { recipientsFor } from '../notifications/recipients.js';
import type { Action } from './store.js';

export interface NotifyOutcome {
  /** Notifications recorded now (0 when every recipient had this one already). */
  recorded: number;
  /** Who it is for, as member ids. */
  recipients: string[];
  /** For a manager: where the manager came from. */
  managerSource?: ManagerSource;
}

/**
 * The CRM's manager lookup, asked once per rep: a batch of notify_manager actions for
 * the same rep costs one lookup, not one per action.
 */
export function cachedManagerLookup(
  crm: Pick<CrmConnector, 'findManagerOf'>,
): Pick<CrmConnector, 'findManagerOf'> {
  const find = crm.findManagerOf?.bind(crm);
  if (!find) return {};
  const cache = new Map<string, ReturnType<typeof find>>();
  return {
    findManagerOf: (email) => {
      const key = email.trim().toLowerCase();
      let found = cache.get(key);
      if (!found) {
        found = find(email);
        // A failed lookup is not kept: the next action asks again.
        found.catch(() => cache.delete(key));
        cache.set(key, found);
      }
      return found;
    },
  };
}

/**
 * Who a notify_* action tells: the rep (its owner, when a member of the workspace; else
 * the admins, to pass it on), or the rep's manager (src/notifications/managers.ts: the CRM's hierarchy, the
 * workspace's mapping, else the admins).
 */
export async function notifyRecipients(
  db: Queryable,
  action: Pick<Action, 'workspaceId' | 'ownerEmail'>,
  audience: 'rep' | 'manager',
  crm?: Pick<CrmConnector, 'findManagerOf'> | null,
): Promise<{
  userIds: string[];
  managerSource?: ManagerSource;
  note?: string;
  /** The rep is not a member: the admins are told, to pass it on. */
  viaAdmins?: boolean;
}> {
  if (audience === 'rep') {
    const rep = action.ownerEmail
      ? await recipientsFor(db, action.workspaceId, { email: action.ownerEmail })
      : [];
    if (rep.length > 0) return { userIds: rep };
    // A CRM owner who never joined Pandora would hear nothing: the admins pass it on.
    return {
      userIds: await recipientsFor(db, action.workspaceId, { admins: true }),
      viaAdmins: true,
    };
  }
  const managers = await resolveManagers(db, action.workspaceId, action.ownerEmail, crm);
  return { userIds: managers.userIds, managerSource: managers.source, note: managers.crmNote };
}

/**
 * Notifications for notify_* actions, delivered on every channel each recipient
 * prefers (recordNotification). Once per action, recipient and kind: the dedupe key,
 * and the notifications table's own unique (action, recipient, kind), make a re-run
 * record nothing new.
 */
export async function notify(
  db: Queryable,
  action: Action,
  audience: 'rep' | 'manager',
  crm?: Pick<CrmConnector, 'findManagerOf'> | null,
): Promise<NotifyOutcome> {
  const kind = audience === 'rep' ? 'notify_rep' : 'notify_manager';
  const { userIds, managerSource, viaAdmins } = await notifyRecipients(db, action, audience, crm);
  const title = viaAdmins
    ? `For ${action.ownerEmail ?? 'the owner'}: ${action.title}`
    : audience === 'rep'
      ? action.title
      : `For your team: ${action.title}${action.ownerEmail ? ` (${action.ownerEmail})` : ''}`;
  const recorded = await recordNotification(db, {
    workspaceId: action.workspaceId,
    type: kind,
    recipients: userIds,
    title,
    body: action.summary,
    link: `/actions/${action.id}`,
    actionId: action.id,
    dedupeKey: `action:${action.id}:${kind}`,
    data: managerSource ? { managerSource } : {},
  });
  return { recorded: recorded.notificationIds.length, recipients: userIds, managerSource };
}

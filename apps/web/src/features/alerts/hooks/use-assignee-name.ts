import { useCallback } from 'react';
import { useI18n } from '../../../lib/i18n/i18n-provider';
import { useAssignableUsers } from '../api/get-assignable-users';

/**
 * An assignee (a user id) as people read it: the username for those who may list users,
 * "me" for oneself, else the id's first characters (nobody else's name is known to them).
 */
export function useAssigneeName(canListUsers: boolean, myId: string | undefined): (userId: string) => string {
  const { t } = useI18n();
  const users = useAssignableUsers(canListUsers);
  return useCallback(
    (userId: string) => {
      if (userId === myId) return t('alerts.me');
      return users.data?.find((user) => user.id === userId)?.username ?? userId.slice(0, 8);
    },
    [users.data, myId, t],
  );
}

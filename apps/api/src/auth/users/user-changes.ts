import { Injectable, Logger } from '@nestjs/common';

/** A user's stored fields that an admin changed (never which password). */
export type UserField =
  | 'role'
  | 'regions'
  | 'merchantIds'
  | 'email'
  | 'phone'
  | 'locale'
  | 'quietHours'
  | 'skills'
  | 'homeBase'
  | 'timeZone'
  | 'disabled'
  | 'password';

export interface UserChange {
  userId: string;
  /** What changed; `disabled` true means the user may no longer see anything. */
  fields: UserField[];
  disabled: boolean;
}

export type UserChangeListener = (change: UserChange) => void;

/**
 * In-process news of user changes, after they are committed, for whoever holds state
 * derived from a user (the live socket gateway re-checks the user's scope or drops them).
 */
@Injectable()
export class UserChanges {
  private readonly logger = new Logger('UserChanges');
  private readonly listeners = new Set<UserChangeListener>();

  /** Calls `listener` on every change until the returned function is called. */
  onChanged(listener: UserChangeListener): () => void {
    // A wrapper per call, so subscribing the same function twice needs two unsubscribes.
    const entry: UserChangeListener = (change) => listener(change);
    this.listeners.add(entry);
    return () => {
      this.listeners.delete(entry);
    };
  }

  /** A failing listener is logged and skipped: the change itself has already happened. */
  emit(change: UserChange): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(change);
      } catch (error) {
        this.logger.error({
          event: 'user_change_listener_failed',
          userId: change.userId,
          error: String(error),
        });
      }
    }
  }
}

import { Injectable, Logger } from '@nestjs/common';

export type InboxChangeListener = (userId: string, unreadCount: number) => void;

/** In-process feed of inbox changes, for the live socket to push to the user's own room. */
@Injectable()
export class InboxEvents {
  private readonly logger = new Logger('InboxEvents');
  private readonly listeners = new Set<InboxChangeListener>();

  onChanged(listener: InboxChangeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(userId: string, unreadCount: number): void {
    for (const listener of this.listeners) {
      try {
        listener(userId, unreadCount);
      } catch (error) {
        this.logger.warn(`an inbox listener failed: ${(error as Error).message}`);
      }
    }
  }
}

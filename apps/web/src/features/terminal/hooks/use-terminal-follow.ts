import type { TerminalMessageEvent } from '@fleet/telemetry/live/events';
import type { TerminalStateView } from '@fleet/telemetry/api/terminals';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { getLiveSocket, subscribeLiveStatus } from '../../../lib/live/live-socket';
import { useLiveEvent } from '../../../lib/live/use-live-event';
import { terminalQueryKey } from '../api/get-terminal';
import { applyTerminalMessage } from './apply-terminal-message';

const FEED_LENGTH = 20;

/**
 * Follows one terminal's raw messages while the page is open: patches its cached state so
 * the page changes without a reload, keeps a short feed, and re-follows after a reconnect.
 */
export function useTerminalFollow(terminalId: string): TerminalMessageEvent[] {
  const queryClient = useQueryClient();
  const [feed, setFeed] = useState<TerminalMessageEvent[]>([]);

  useEffect(() => {
    setFeed([]);
    let followed = getLiveSocket();
    const follow = () => getLiveSocket()?.emit('terminal.follow', terminalId);
    followed?.on('connect', follow);
    if (followed?.connected) follow();
    const unsubscribe = subscribeLiveStatus(() => {
      const socket = getLiveSocket();
      if (socket === followed) return;
      followed?.off('connect', follow);
      socket?.on('connect', follow);
      followed = socket;
    });
    return () => {
      unsubscribe();
      followed?.off('connect', follow);
      followed?.emit('terminal.unfollow', terminalId);
    };
  }, [terminalId]);

  useLiveEvent('terminal.message', (message) => {
    if (message.terminalId !== terminalId) return;
    queryClient.setQueryData<TerminalStateView>(terminalQueryKey(terminalId), (state) =>
      state ? applyTerminalMessage(state, message) : state,
    );
    setFeed((current) => [message, ...current].slice(0, FEED_LENGTH));
  });

  return feed;
}

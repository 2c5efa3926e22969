import type { ServerToClientEvents, ServerToFollowerEvents } from '@fleet/telemetry/live/events';
import { useEffect, useRef } from 'react';
import { getLiveSocket, subscribeLiveStatus } from './live-socket';

type Events = ServerToClientEvents & ServerToFollowerEvents;

/**
 * Listens to one socket event while mounted and removes the listener on unmount. The
 * handler is read through a ref so a new closure each render does not re-subscribe.
 */
export function useLiveEvent<E extends keyof Events>(event: E, handler: Events[E]): void {
  const latest = useRef(handler);
  latest.current = handler;
  useEffect(() => {
    let attached: ReturnType<typeof getLiveSocket>;
    const listener = ((...args: Parameters<Events[E]>) =>
      (latest.current as (...a: Parameters<Events[E]>) => void)(...args)) as never;
    const attach = () => {
      const socket = getLiveSocket();
      if (socket === attached) return;
      attached?.off(event, listener);
      socket?.on(event, listener);
      attached = socket;
    };
    attach();
    // The socket may open after this component mounts (sign-in); attach when it does.
    const unsubscribe = subscribeLiveStatus(attach);
    return () => {
      unsubscribe();
      attached?.off(event, listener);
    };
  }, [event]);
}

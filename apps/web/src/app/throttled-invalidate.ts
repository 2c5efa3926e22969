import type { QueryClient, QueryKey } from '@tanstack/react-query';

/**
 * Invalidates a query at most once per `everyMs`, trailing, so a burst of pushes costs
 * one refetch. Returns a function to cancel a pending one (on unmount).
 */
export function throttledInvalidate(client: QueryClient, queryKey: QueryKey, everyMs: number) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const trigger = () => {
    timer ??= setTimeout(() => {
      timer = undefined;
      void client.invalidateQueries({ queryKey });
    }, everyMs);
  };
  const cancel = () => {
    if (timer) clearTimeout(timer);
    timer = undefined;
  };
  return { trigger, cancel };
}

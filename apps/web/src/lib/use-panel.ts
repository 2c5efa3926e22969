import { useState } from 'react';

/**
 * An admin page's one open panel (a form) and the notice left when it closes: opening a
 * panel clears the last notice, closing may leave a new one.
 */
export function usePanel<P>() {
  const [panel, setPanel] = useState<P | undefined>();
  const [notice, setNotice] = useState<string | undefined>();
  return {
    panel,
    notice,
    setNotice,
    open: (next: P) => {
      setPanel(next);
      setNotice(undefined);
    },
    close: (message?: string) => {
      setPanel(undefined);
      setNotice(message);
    },
  };
}

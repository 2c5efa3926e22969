/** Whether this browser can draw on a canvas (jsdom and some locked-down browsers cannot). */
export function canvasSupported(): boolean {
  try {
    return typeof document !== 'undefined' && document.createElement('canvas').getContext('2d') !== null;
  } catch {
    return false;
  }
}

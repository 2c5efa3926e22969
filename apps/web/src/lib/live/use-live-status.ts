import { useSyncExternalStore } from 'react';
import { getLiveStatus, subscribeLiveStatus, type LiveStatus } from './live-socket';

export function useLiveStatus(): LiveStatus {
  return useSyncExternalStore(subscribeLiveStatus, getLiveStatus, getLiveStatus);
}

/** The service worker's cache of API answers a technician needs offline (jobs, last readings). */
export const API_CACHE = 'fleet-api';

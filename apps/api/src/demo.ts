import { main } from './main';

/**
 * `npm start`: the whole system on embedded defaults with a simulated fleet.
 * Only fills in what the caller left unset, then boots like production.
 */
process.env.DEMO_FLEET_SIZE ??= '1000';
process.env.FLEET_DEVICE_AUTH ??= 'off';
void main();

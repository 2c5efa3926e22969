import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import './app/styles.css';
import { getSession, refreshSession } from './lib/auth/session';
import { registerServiceWorker } from './lib/offline/register-service-worker';

// A returning user's session is restored while React renders its first frame, not after.
if (getSession().status === 'restoring') void refreshSession();

registerServiceWorker();

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element to mount the dashboard in');

createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

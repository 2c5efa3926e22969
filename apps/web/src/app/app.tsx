import { FleetOverview } from '../features/fleet/components/fleet-overview';
import { Layout } from './layout';
import { AppProvider } from './provider';

export function App() {
  return (
    <AppProvider>
      <Layout>
        <FleetOverview />
      </Layout>
    </AppProvider>
  );
}

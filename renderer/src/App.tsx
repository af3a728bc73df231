import { AppInfoGate } from './components/AppInfoGate';
import { RouterProvider, useRouter } from './router';
import { CitizenShell } from './screens/citizen/CitizenShell';
import { StaffArea } from './screens/staff/StaffArea';
import { WaitingDisplay } from './screens/display/WaitingDisplay';

function Screens() {
  const { route } = useRouter();
  switch (route) {
    case 'staff':
      return <StaffArea />;
    case 'display':
      return <WaitingDisplay />;
    case 'citizen':
      return <CitizenShell />;
  }
}

export function App() {
  return (
    <RouterProvider>
      <AppInfoGate>
        <Screens />
      </AppInfoGate>
    </RouterProvider>
  );
}

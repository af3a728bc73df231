import { useEffect } from 'react';
import { AppInfoGate } from './components/AppInfoGate';
import { useAppInfo } from './context';
import { deviceRoute, RouterProvider, useRouter } from './router';
import { CitizenShell } from './screens/citizen/CitizenShell';
import { StaffArea } from './screens/staff/StaffArea';
import { WaitingDisplay } from './screens/display/WaitingDisplay';

/** The screen for the route, as this device may see it (router.tsx `deviceRoute`). */
export function Screens() {
  const { route: asked, redirect } = useRouter();
  const { info } = useAppInfo();
  const route = deviceRoute(asked, info.device);
  // The address follows, so a reload or a bookmark opens the same screen.
  useEffect(() => {
    if (route !== asked) redirect(route);
  }, [route, asked, redirect]);
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

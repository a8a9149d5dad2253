/**
 * Entry of the web app: the router (the start page in the first bundle,
 * every other page loaded on demand) and the query client.
 */
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createBrowserRouter, RouterProvider, useRouteError } from 'react-router';
import { ApiError } from './shared/api/client.js';
import { ErrorMessage } from './shared/ErrorMessage.js';
import { Layout } from './shared/Layout.js';
import { NotFoundPage } from './shared/NotFoundPage.js';
import { StartPage } from './features/assessment/StartPage.js';
import './shared/global.css';

function RouteError() {
  const error = useRouteError();
  return (
    <>
      <h1>Something went wrong</h1>
      <ErrorMessage error={error} />
      <p>
        <a href="/">Go to the start page</a>
      </p>
    </>
  );
}

const router = createBrowserRouter([
  {
    element: <Layout />,
    errorElement: <RouteError />,
    children: [
      { index: true, element: <StartPage /> },
      {
        path: 'today',
        lazy: async () => ({
          Component: (await import('./features/today/TodayPage.js')).TodayPage,
        }),
      },
      {
        path: 'today/session',
        lazy: async () => ({
          Component: (await import('./features/today/GuidedSessionPage.js')).GuidedSessionPage,
        }),
      },
      {
        path: 'assessment/:id',
        lazy: async () => ({
          Component: (await import('./features/assessment/AssessmentPage.js')).AssessmentPage,
        }),
      },
      {
        path: 'report/:id',
        lazy: async () => ({
          Component: (await import('./features/report/ReportPage.js')).ReportPage,
        }),
      },
      {
        path: 'assessment/:id/plan',
        lazy: async () => ({
          Component: (await import('./features/plan/PlanPreviewPage.js')).PlanPreviewPage,
        }),
      },
      {
        path: 'plans/:planId',
        lazy: async () => ({
          Component: (await import('./features/plan/SavedPlanPage.js')).SavedPlanPage,
        }),
      },
      {
        path: 'plans/:planId/check-in',
        lazy: async () => ({
          Component: (await import('./features/check-in/CheckInPage.js')).CheckInPage,
        }),
      },
      {
        path: 'plans/:planId/progress',
        lazy: async () => ({
          Component: (await import('./features/check-in/ProgressPage.js')).ProgressPage,
        }),
      },
      ...(['plan', 'check-in', 'progress'] as const).map((target) => ({
        path: target,
        lazy: async () => {
          const { MyPlanPage } = await import('./features/plan/MyPlanPage.js');
          return {
            Component: () => <MyPlanPage target={target} />,
          };
        },
      })),
      {
        path: 'training',
        lazy: async () => ({
          Component: (await import('./features/training/TrainingPage.js')).TrainingPage,
        }),
      },
      {
        path: 'training/activities/:id',
        lazy: async () => ({
          Component: (await import('./features/training/ActivityPage.js')).ActivityPage,
        }),
      },
      {
        path: 'book/:assessmentId',
        lazy: async () => ({
          Component: (await import('./features/booking/BookPage.js')).BookPage,
        }),
      },
      {
        path: 'appointments',
        lazy: async () => ({
          Component: (await import('./features/booking/AppointmentsPage.js')).AppointmentsPage,
        }),
      },
      {
        path: 'appointments/:id',
        lazy: async () => ({
          Component: (await import('./features/booking/AppointmentPage.js')).AppointmentPage,
        }),
      },
      {
        path: 'appointments/:id/reschedule',
        lazy: async () => ({
          Component: (await import('./features/booking/ReschedulePage.js')).ReschedulePage,
        }),
      },
      {
        path: 'account',
        lazy: async () => ({
          Component: (await import('./features/account/AccountPage.js')).AccountPage,
        }),
      },
      {
        path: 'reminders/off',
        lazy: async () => ({
          Component: (await import('./features/account/RemindersCard.js')).RemindersOffPage,
        }),
      },
      {
        path: 'clinic',
        lazy: async () => ({
          Component: (await import('./features/clinic/AppointmentsPage.js')).AppointmentsPage,
        }),
      },
      {
        path: 'clinic/runners/:runnerId',
        lazy: async () => ({
          Component: (await import('./features/clinic/SummaryPage.js')).SummaryPage,
        }),
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // A 4xx answer will not change on a retry; only network trouble is retried, once.
      retry: (count, error) => error instanceof ApiError && error.code === 'network' && count < 1,
      refetchOnWindowFocus: false,
      // Offline, ask anyway: the service worker answers today's reads from its cache.
      networkMode: 'offlineFirst',
    },
    // Offline, a write fails at once (a check-in then waits in the offline queue) instead of hanging.
    mutations: { networkMode: 'always' },
  },
});

/** Sends check-ins queued offline (features/today/offline-queue.ts), then refreshes what they change. */
async function sendQueuedCheckIns() {
  const [{ flushCheckIns }, { request }] = await Promise.all([
    import('./features/today/offline-queue.js'),
    import('./shared/api/client.js'),
  ]);
  const stored = await flushCheckIns((q) =>
    request('POST /api/plans/:id/checkins', { param: { id: q.planId }, json: q.body }),
  );
  if (stored > 0) await queryClient.invalidateQueries();
}

// Installable and offline: the service worker (public/sw.js) caches the app shell and today's data.
if ('serviceWorker' in navigator) {
  void navigator.serviceWorker.register('/sw.js').catch(() => undefined);
}
if ('indexedDB' in window) {
  window.addEventListener('online', () => {
    void sendQueuedCheckIns().catch(() => undefined);
  });
  if (navigator.onLine) void sendQueuedCheckIns().catch(() => undefined);
}

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </StrictMode>,
  );
}

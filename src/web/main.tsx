import '@mantine/core/styles.css';
import './app.css';
import { MantineProvider } from '@mantine/core';
import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { type ReactNode, StrictMode, useMemo } from 'react';
import { createRoot } from 'react-dom/client';
import { useTranslation } from 'react-i18next';
import { BrowserRouter, Route, Routes } from 'react-router';
import { App } from './App.js';
import { ApiError } from './api/client.js';
import { initI18n } from './i18n/index.js';
import { publicRoutes } from './public-site/public-routes.js';
import { sessionKey } from './session/session-api.js';
import { cssVariablesResolver, themeWithCloseLabel } from './theme.js';

// Any request answered 401 means the session cookie expired: back to the sign-in screen.
const signedOutOn401 = (error: unknown) => {
  if (error instanceof ApiError && error.status === 401) queryClient.setQueryData(sessionKey, null);
};

const queryClient: QueryClient = new QueryClient({
  queryCache: new QueryCache({
    onError: (error, query) => {
      if (query.queryKey[0] !== sessionKey[0]) signedOutOn401(error);
    },
  }),
  mutationCache: new MutationCache({ onError: signedOutOn401 }),
  defaultOptions: {
    queries: {
      refetchOnWindowFocus: false,
      retry: (failures, error) =>
        !(error instanceof ApiError && error.status >= 400 && error.status < 500) && failures < 2,
    },
  },
});

/** Mantine with Folio's theme, its close buttons named in the page's language. */
function LocalizedMantineProvider({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const closeLabel = t('common.close');
  const theme = useMemo(() => themeWithCloseLabel(closeLabel), [closeLabel]);
  return (
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="light">
      {children}
    </MantineProvider>
  );
}

const root = document.getElementById('root');
if (!root) throw new Error('#root is missing from index.html');

void initI18n().then(() =>
  createRoot(root).render(
    <StrictMode>
      <LocalizedMantineProvider>
        <QueryClientProvider client={queryClient}>
          <BrowserRouter>
            {/* The customers' pages need no session; everything else is the staff app. */}
            <Routes>
              {publicRoutes()}
              <Route path="*" element={<App />} />
            </Routes>
          </BrowserRouter>
        </QueryClientProvider>
      </LocalizedMantineProvider>
    </StrictMode>,
  ),
);

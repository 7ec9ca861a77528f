import { Route } from 'react-router';
import { FollowUpPage } from './FollowUpPage.js';
import { PublicLayout } from './PublicLayout.js';
import { SelfServicePage } from './SelfServicePage.js';

/**
 * The customers' pages, for `<Routes>` ahead of the staff app: they need no sign-in, so they
 * never wait on (or redirect for) the session. Called as a function: `<Routes>` reads
 * `<Route>` elements, not components that render them.
 */
export function publicRoutes() {
  return (
    <Route element={<PublicLayout />}>
      <Route path="/seguimiento" element={<FollowUpPage />} />
      <Route path="/reportar" element={<SelfServicePage />} />
    </Route>
  );
}

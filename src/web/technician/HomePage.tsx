import type { ReactNode } from 'react';
import { Navigate } from 'react-router';
import type { User } from '../api/types.js';
import { homePathFor } from './field-work.js';

/** `/`: the counter's desk for those who file reports; technicians go to their faults. */
export function HomePage({ user, desk }: { user: User; desk: ReactNode }) {
  const home = homePathFor(user);
  return home === '/' ? desk : <Navigate to={home} replace />;
}

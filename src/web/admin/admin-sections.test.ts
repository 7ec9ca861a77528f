import { describe, expect, it } from 'vitest';
import { adminSectionsFor, userCan } from './admin-sections.js';

describe('administration sections', () => {
  it('shows an administrator every section, in order', () => {
    expect(adminSectionsFor({ roles: ['admin'] }).map((s) => s.path)).toEqual([
      'usuarios',
      'departamentos',
      'promesas',
      'oficina',
      'tokens',
      'auditoria',
    ]);
  });

  it('shows agents, technicians and supervisors none (the server would refuse them)', () => {
    for (const role of ['agent', 'backoffice', 'technician', 'supervisor']) {
      expect(adminSectionsFor({ roles: [role] })).toEqual([]);
    }
  });

  it('grants nothing for a role the page does not know', () => {
    expect(userCan({ roles: ['superuser'] }, 'users:manage')).toBe(false);
    expect(userCan({ roles: ['superuser', 'admin'] }, 'users:manage')).toBe(true);
  });
});

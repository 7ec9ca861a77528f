import { describe, expect, it } from 'vitest';
import { ACTIONS, can, PERMISSIONS, ROLES } from './permissions.js';

describe('permission table', () => {
  it('lets each role do exactly what the table lists', () => {
    for (const action of ACTIONS) {
      for (const role of ROLES) {
        expect(can({ roles: [role] }, action)).toBe(PERMISSIONS[action].includes(role));
      }
    }
  });

  it('keeps customer data writes to admins and filing away from technicians', () => {
    expect(can({ roles: ['agent'] }, 'customers:write')).toBe(false);
    expect(can({ roles: ['admin'] }, 'customers:write')).toBe(true);
    expect(can({ roles: ['technician'] }, 'reports:file')).toBe(false);
    expect(can({ roles: ['technician', 'agent'] }, 'reports:file')).toBe(true);
    expect(can({ roles: [] }, 'reports:read')).toBe(false);
  });
});

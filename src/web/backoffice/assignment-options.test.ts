import { describe, expect, it } from 'vitest';
import { assignmentOptions, canWriteInternalNotes, personMatches } from './assignment-options.js';

const rosa = { username: 'facturacion', roles: ['backoffice'], departments: ['facturacion'] };
const carmen = {
  username: 'supervisor',
  roles: ['supervisor'],
  departments: ['facturacion', 'soporte_tecnico'],
};
const admin = { username: 'admin', roles: ['admin'], departments: [] };
const agent = { username: 'agente', roles: ['agent'], departments: ['atencion_clientes'] };
const jorge = { name: 'Jorge Ramírez', username: 'tecnico' };

const report = (overrides: Partial<Parameters<typeof assignmentOptions>[1]> = {}) => ({
  status: 'new',
  department: 'facturacion',
  assignee: null,
  ...overrides,
});

describe('assignment buttons', () => {
  it('lets back office take a free report of their department, and give back their own', () => {
    expect(assignmentOptions(rosa, report())).toEqual({ take: true, giveBack: false, assignOthers: false });
    expect(
      assignmentOptions(
        rosa,
        report({ assignee: { username: 'facturacion', name: 'Rosa' }, status: 'assigned' }),
      ),
    ).toEqual({ take: false, giveBack: true, assignOthers: false });
    // Someone else's report, or another department's, is not theirs to take.
    expect(assignmentOptions(rosa, report({ assignee: jorge })).take).toBe(false);
    expect(assignmentOptions(rosa, report({ department: 'soporte_tecnico' })).take).toBe(false);
  });

  it('lets supervisors hand reports to anyone and take them over', () => {
    expect(assignmentOptions(carmen, report({ assignee: jorge, status: 'in_progress' }))).toEqual({
      take: true,
      giveBack: true,
      assignOthers: true,
    });
  });

  it('offers nothing on finished reports, nor to those who do not work queues', () => {
    expect(assignmentOptions(carmen, report({ status: 'resolved' }))).toEqual({
      take: false,
      giveBack: false,
      assignOthers: false,
    });
    expect(assignmentOptions(agent, report())).toEqual({ take: false, giveBack: false, assignOthers: false });
    // An administrator assigns but is nobody's assignee.
    expect(assignmentOptions(admin, report())).toEqual({ take: false, giveBack: false, assignOthers: true });
  });

  it('leaves internal notes to those who work reports', () => {
    expect(canWriteInternalNotes(rosa)).toBe(true);
    expect(canWriteInternalNotes(agent)).toBe(false);
  });
});

describe('finding someone to assign to', () => {
  const rosaMendez = { username: 'facturacion', name: 'Rosa Méndez' };

  it('finds people by name or username, whatever the accents and case', () => {
    expect(personMatches(rosaMendez, 'mendez')).toBe(true);
    expect(personMatches(rosaMendez, 'ROSA M')).toBe(true);
    expect(personMatches(rosaMendez, 'factu')).toBe(true);
    expect(personMatches(rosaMendez, '')).toBe(true);
    expect(personMatches(rosaMendez, 'jorge')).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import {
  filtersFromSearch,
  narrowingCount,
  OPEN_STATUSES,
  queueApiQuery,
  searchFromFilters,
} from './queue-filters.js';

const parse = (search: string) => filtersFromSearch(new URLSearchParams(search));

describe('queue filters in the address bar', () => {
  it('shows the open reports by promise when nothing is said', () => {
    const filters = parse('');
    expect(filters.status).toEqual(['new', 'assigned', 'in_progress', 'waiting_customer']);
    expect(filters.sort).toBe('promise');
    expect(searchFromFilters(filters).toString()).toBe('');
    expect(narrowingCount(filters)).toBe(0);
    expect(queueApiQuery(filters, 'facturacion')).toBe(
      'department=facturacion&status=new%2Cassigned%2Cin_progress%2Cwaiting_customer&limit=50',
    );
  });

  it('round-trips every filter through the address bar', () => {
    const search =
      'status=resolved%2Cclosed&assignee=me&type=fault%2Ccomplaint&track=technical&channel=phone&colonia=San+Miguel&promise=at_risk&createdFrom=2026-11-01&createdTo=2026-11-30&q=fuga&sort=-created';
    const filters = parse(search);
    expect(filters).toEqual({
      status: ['resolved', 'closed'],
      assignee: 'me',
      type: ['fault', 'complaint'],
      track: 'technical',
      channel: 'phone',
      colonia: 'San Miguel',
      promise: 'at_risk',
      createdFrom: '2026-11-01',
      createdTo: '2026-11-30',
      q: 'fuga',
      sort: '-created',
    });
    expect(searchFromFilters(filters).toString()).toBe(search);
    expect(narrowingCount(filters)).toBe(10);
    const api = new URLSearchParams(queueApiQuery(filters, null));
    expect(api.get('department')).toBeNull();
    expect(api.get('status')).toBe('resolved,closed');
    expect(api.get('assignee')).toBe('me');
    expect(api.get('colonia')).toBe('San Miguel');
    expect(api.get('sort')).toBe('-created');
  });

  it('keeps "every status" apart from "the default open ones"', () => {
    const every = parse('status=');
    expect(every.status).toEqual([]);
    expect(searchFromFilters(every).toString()).toBe('status=');
    expect(new URLSearchParams(queueApiQuery(every, null)).has('status')).toBe(false);
    // The open statuses in any order are the default, and leave the address bar clean.
    expect(searchFromFilters({ ...every, status: [...OPEN_STATUSES].reverse() }).toString()).toBe('');
  });

  it('ignores what is not a known value instead of sending it to the server', () => {
    const filters = parse(
      'status=new,flying&type=fault,nope&track=x&channel=fax&promise=late&createdFrom=ayer&assignee=a%20b&sort=random',
    );
    expect(filters.status).toEqual(['new']);
    expect(filters.type).toEqual(['fault']);
    expect(filters.track).toBe('');
    expect(filters.channel).toBe('');
    expect(filters.promise).toBe('');
    expect(filters.createdFrom).toBe('');
    expect(filters.assignee).toBe('');
    expect(filters.sort).toBe('promise');
  });
});

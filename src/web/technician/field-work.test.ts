import { describe, expect, it } from 'vitest';
import { coordinatesOf, fieldActions, homePathFor, mapLinks, myFaultsQuery, telHref } from './field-work.js';

describe("the technician's view", () => {
  it('sends technicians to their faults and everyone else to the desk', () => {
    expect(homePathFor({ roles: ['technician'] })).toBe('/tecnico');
    expect(homePathFor({ roles: ['agent'] })).toBe('/');
    expect(homePathFor({ roles: ['backoffice'] })).toBe('/');
    // Someone who also files reports keeps the desk; the faults are a link away.
    expect(homePathFor({ roles: ['technician', 'agent'] })).toBe('/');
  });

  it('asks for their own open faults', () => {
    expect(Object.fromEntries(new URLSearchParams(myFaultsQuery()))).toEqual({
      assignee: 'me',
      type: 'fault',
      status: 'assigned,in_progress,waiting_customer',
      limit: '100',
    });
  });

  it('offers the steps of a visit allowed from each status', () => {
    expect(fieldActions('assigned').map((a) => a.kind)).toEqual(['start', 'pause', 'resolve']);
    expect(fieldActions('in_progress').map((a) => a.kind)).toEqual(['pause', 'resolve']);
    expect(fieldActions('waiting_customer').map((a) => a.kind)).toEqual(['resume', 'resolve']);
    expect(fieldActions('resolved')).toEqual([]);
  });

  it('opens the report’s spot, or else the service address, in a map app', () => {
    const address = { lat: 21.93, lng: -99.99 };
    expect(coordinatesOf({ text: 'Frente a la plaza', lat: 21.5, lng: -100.1 }, address)).toEqual({
      lat: 21.5,
      lng: -100.1,
    });
    expect(coordinatesOf({ text: 'Frente a la plaza' }, address)).toEqual(address);
    expect(coordinatesOf(null, { lat: null, lng: null })).toBeNull();
    expect(mapLinks({ lat: 21.9297, lng: -99.9946 })).toEqual({
      geo: 'geo:21.9297,-99.9946?q=21.9297,-99.9946',
      web: 'https://www.google.com/maps?q=21.9297,-99.9946',
    });
  });

  it('dials digits only', () => {
    expect(telHref('487 872 1234')).toBe('tel:4878721234');
    expect(telHref('+52 (487) 872-1234')).toBe('tel:+524878721234');
  });
});

import { describe, expect, it } from 'vitest';
import { createUserRequest, officeRequest } from '../../core/requests/administration.js';
import { ApiError } from '../api/client.js';
import { errorsFromApi, errorsFromIssues } from './form-errors.js';
import { accountState } from './users/users-api.js';

describe('admin form errors', () => {
  it('puts the shared schema’s Spanish message next to each input', () => {
    const parsed = createUserRequest.safeParse({ username: 'X', name: '', password: 'p', roles: [] });
    const errors = errorsFromIssues(
      parsed.error?.issues ?? [],
      ['username', 'name', 'password', 'roles'],
      'es',
    );
    expect(errors.byField).toEqual({
      username: 'El usuario lleva de 2 a 40 minúsculas, dígitos, puntos o guiones.',
      name: 'El nombre debe tener entre 1 y 200 caracteres.',
      roles: 'Elija al menos un rol válido: agent, backoffice, technician, supervisor, admin.',
    });
    expect(errors.other).toEqual([]);
  });

  it('keeps a list item’s path, so each phone gets its own message', () => {
    const parsed = officeRequest.safeParse({
      name: 'Oficina',
      address: 'Centro',
      phones: ['487', '487 873 1703'],
      hours: 'L-V',
    });
    expect(errorsFromIssues(parsed.error?.issues ?? [], ['phones'], 'es').byField).toEqual({
      'phones.0': 'El teléfono debe tener entre 7 y 15 dígitos.',
    });
  });

  it('moves the API’s `newPassword` onto the form’s password input; unknown paths go above the buttons', () => {
    const error = new ApiError(400, 'weak_password', 'Débil', [
      { path: 'newPassword', message: 'Muy corta' },
      { path: 'body', message: 'Otra cosa' },
    ]);
    expect(errorsFromApi(error, ['password'], { newPassword: 'password' })).toEqual({
      byField: { password: 'Muy corta' },
      other: ['Otra cosa'],
    });
    expect(errorsFromApi(new ApiError(409, 'username_taken', 'Ya existe'), ['username'])).toBeNull();
  });
});

describe('account state', () => {
  it('is disabled above all, then whether the password must change', () => {
    expect(accountState({ disabled: true, mustChangePassword: true })).toBe('disabled');
    expect(accountState({ disabled: false, mustChangePassword: true })).toBe('must_change_password');
    expect(accountState({ disabled: false, mustChangePassword: false })).toBe('active');
  });
});

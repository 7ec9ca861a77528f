import { z } from 'zod';
import { ROLES, TOKEN_SCOPES } from '../permissions.js';
import { departmentCodeField, msg } from './fields.js';

const username = z
  .string(msg('username'))
  .trim()
  .regex(/^[a-z0-9][a-z0-9._-]{1,39}$/, msg('username_format'));
const displayName = z.string(msg('name')).trim().min(1, msg('name')).max(200, msg('name'));
const roles = z
  .array(z.enum(ROLES, msg('role')), msg('role'))
  .min(1, msg('role'))
  .max(ROLES.length, msg('role'));
const departments = z.array(departmentCodeField, msg('department')).max(20, msg('department'));

/** `POST /api/v1/users` — the password is temporary: it must be changed at the first sign-in. */
export const createUserRequest = z.strictObject({
  username,
  name: displayName,
  password: z.string(msg('password')).min(1, msg('password')).max(1024, msg('password')),
  roles,
  departments: departments.default([]),
});

/** `PATCH /api/v1/users/{username}` */
export const updateUserRequest = z.strictObject({
  name: displayName.optional(),
  roles: roles.optional(),
  departments: departments.optional(),
  disabled: z.boolean(msg('invalid')).optional(),
  password: z.string(msg('password')).min(1, msg('password')).max(1024, msg('password')).optional(),
});

/** `POST /api/v1/tokens` */
export const createTokenRequest = z.strictObject({
  name: z.string(msg('name')).trim().min(1, msg('name')).max(100, msg('name')),
  scopes: z.array(z.enum(TOKEN_SCOPES, msg('scope')), msg('scope')).min(1, msg('scope')),
});

/** `POST /api/v1/departments`, `PATCH /api/v1/departments/{code}` */
export const departmentRequest = z.strictObject({
  code: departmentCodeField,
  name: displayName,
});

/** `PUT /api/v1/office`: printed on receipts and shown to customers. */
export const officeRequest = z.strictObject({
  name: z.string(msg('name')).trim().min(1, msg('name')).max(200, msg('name')),
  address: z.string(msg('address_part')).trim().min(1, msg('address_part')).max(300, msg('address_part')),
  phones: z
    .array(z.string(msg('phone')).trim().min(7, msg('phone')).max(30, msg('phone')))
    .min(1, msg('phone'))
    .max(5, msg('phone')),
  hours: z.string(msg('address_part')).trim().min(1, msg('address_part')).max(200, msg('address_part')),
});
export type OfficeData = z.infer<typeof officeRequest>;

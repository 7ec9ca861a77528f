import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  createTokenRequest,
  createUserRequest,
  departmentRequest,
  officeRequest,
  updateUserRequest,
} from '../../core/requests/administration.js';
import { departmentCodeField } from '../../core/requests/fields.js';
import { AuditRepository } from '../../db/repositories/audit.js';
import type { ServiceContext } from '../../services/context.js';
import { createDepartment, listDepartments, renameDepartment } from '../../services/departments.js';
import { getOffice, updateOffice } from '../../services/office.js';
import { createToken, listTokens, revokeToken } from '../../services/tokens.js';
import { createUser, listUsers, updateUser } from '../../services/users.js';
import { actorOf } from '../plugins/auth.js';
import { errorResponse } from '../presenters/error.js';

const errors = {
  400: errorResponse,
  401: errorResponse,
  403: errorResponse,
  404: errorResponse,
  409: errorResponse,
  422: errorResponse,
};

const user = z.object({
  username: z.string(),
  name: z.string(),
  roles: z.array(z.string()),
  departments: z.array(z.string()),
  mustChangePassword: z.boolean(),
  disabled: z.boolean(),
});
const token = z.object({
  id: z.string(),
  name: z.string(),
  scopes: z.array(z.string()),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
const department = z.object({ code: z.string(), name: z.string() });
const office = z.object({
  name: z.string(),
  address: z.string(),
  phones: z.array(z.string()),
  hours: z.string(),
});

function presentUser(u: {
  username: string;
  name: string;
  roles: string[];
  departments: string[];
  mustChangePassword: boolean;
  disabled?: boolean;
}) {
  return {
    username: u.username,
    name: u.name,
    roles: u.roles,
    departments: u.departments,
    mustChangePassword: u.mustChangePassword,
    disabled: u.disabled ?? false,
  };
}

function presentToken(t: {
  id: string;
  name: string;
  scopes: string[];
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}) {
  return {
    id: t.id,
    name: t.name,
    scopes: t.scopes,
    createdAt: t.createdAt.toISOString(),
    lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
    revokedAt: t.revokedAt?.toISOString() ?? null,
  };
}

/** Staff accounts, API tokens, departments, office data and the audit log: the administrator's work. */
export default async function administrationRoutes(
  fastify: FastifyInstance,
  options: { ctx: ServiceContext },
) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { ctx } = options;

  app.get(
    '/api/v1/users',
    {
      config: { action: 'users:manage' },
      schema: {
        tags: ['administration'],
        summary: 'Staff accounts',
        response: { 200: z.object({ users: z.array(user) }), ...errors },
      },
    },
    async () => ({ users: (await listUsers(ctx)).map(presentUser) }),
  );

  app.post(
    '/api/v1/users',
    {
      config: { action: 'users:manage' },
      schema: {
        tags: ['administration'],
        summary: 'Create a staff account; the user must change this first password at sign-in',
        body: createUserRequest,
        response: { 201: user, ...errors },
      },
    },
    async (request, reply) =>
      reply.code(201).send(presentUser(await createUser(ctx, actorOf(request), request.body))),
  );

  app.patch(
    '/api/v1/users/:username',
    {
      config: { action: 'users:manage' },
      schema: {
        tags: ['administration'],
        summary:
          'Edit, disable ({"disabled":true} ends its sessions at once) or reset the password of a staff account',
        params: z.object({ username: z.string().max(40) }),
        body: updateUserRequest,
        response: { 200: user, ...errors },
      },
    },
    async (request) =>
      presentUser(await updateUser(ctx, actorOf(request), request.params.username, request.body)),
  );

  app.get(
    '/api/v1/tokens',
    {
      config: { action: 'tokens:manage' },
      schema: {
        tags: ['administration'],
        summary: 'API tokens (never their secrets)',
        response: { 200: z.object({ tokens: z.array(token) }), ...errors },
      },
    },
    async () => ({ tokens: (await listTokens(ctx)).map(presentToken) }),
  );

  app.post(
    '/api/v1/tokens',
    {
      config: { action: 'tokens:manage' },
      schema: {
        tags: ['administration'],
        summary: 'Create an API token for an integration; the secret is in this answer only',
        body: createTokenRequest,
        response: { 201: token.extend({ token: z.string() }), ...errors },
      },
    },
    async (request, reply) => {
      const { token: created, secret } = await createToken(ctx, actorOf(request), request.body);
      return reply.code(201).send({ ...presentToken(created), token: secret });
    },
  );

  app.delete(
    '/api/v1/tokens/:id',
    {
      config: { action: 'tokens:manage' },
      schema: {
        tags: ['administration'],
        summary: 'Revoke an API token',
        params: z.object({ id: z.uuid() }),
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      await revokeToken(ctx, actorOf(request), request.params.id);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/v1/departments',
    {
      config: { action: 'settings:read' },
      schema: {
        tags: ['administration'],
        summary: 'Departments (queues)',
        response: { 200: z.object({ departments: z.array(department) }), ...errors },
      },
    },
    async () => ({ departments: await listDepartments(ctx) }),
  );

  app.post(
    '/api/v1/departments',
    {
      config: { action: 'settings:write' },
      schema: {
        tags: ['administration'],
        summary: 'Create a department',
        body: departmentRequest,
        response: { 201: department, ...errors },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await createDepartment(ctx, actorOf(request), request.body)),
  );

  app.patch(
    '/api/v1/departments/:code',
    {
      config: { action: 'settings:write' },
      schema: {
        tags: ['administration'],
        summary: 'Rename a department',
        params: z.object({ code: departmentCodeField }),
        body: departmentRequest.pick({ name: true }),
        response: { 200: department, ...errors },
      },
    },
    async (request) => renameDepartment(ctx, actorOf(request), request.params.code, request.body.name),
  );

  app.get(
    '/api/v1/office',
    {
      config: { action: 'settings:read' },
      schema: {
        tags: ['administration'],
        summary: 'Office data printed on customer documents',
        response: { 200: office, ...errors },
      },
    },
    async () => getOffice(ctx),
  );

  app.put(
    '/api/v1/office',
    {
      config: { action: 'settings:write' },
      schema: {
        tags: ['administration'],
        summary: 'Change the office data',
        body: officeRequest,
        response: { 200: office, ...errors },
      },
    },
    async (request) => updateOffice(ctx, actorOf(request), request.body),
  );

  app.get(
    '/api/v1/audit',
    {
      config: { action: 'audit:read' },
      schema: {
        tags: ['administration'],
        summary: 'The audit log, newest first; never editable',
        querystring: z.strictObject({
          actor: z.string().max(100).optional(),
          action: z.string().max(100).optional(),
          targetType: z.string().max(40).optional(),
          targetId: z.string().max(100).optional(),
          from: z.iso.datetime({ offset: true }).optional(),
          to: z.iso.datetime({ offset: true }).optional(),
          limit: z.coerce.number<string>().int().min(1).max(500).default(100),
        }),
        response: {
          200: z.object({
            entries: z.array(
              z.object({
                at: z.string(),
                actor: z.string().nullable(),
                tokenId: z.string().nullable(),
                action: z.string(),
                targetType: z.string().nullable(),
                targetId: z.string().nullable(),
                ip: z.string().nullable(),
                details: z.record(z.string(), z.unknown()),
              }),
            ),
          }),
          ...errors,
        },
      },
    },
    async (request) => {
      const q = request.query;
      const entries = await new AuditRepository(ctx.db).search({
        actor: q.actor,
        action: q.action,
        targetType: q.targetType,
        targetId: q.targetId,
        from: q.from ? new Date(q.from) : undefined,
        to: q.to ? new Date(q.to) : undefined,
        limit: q.limit,
      });
      return {
        entries: entries.map((e) => ({
          at: e.at.toISOString(),
          actor: e.actorName,
          tokenId: e.tokenId,
          action: e.action,
          targetType: e.targetType,
          targetId: e.targetId,
          ip: e.ip,
          details: e.details,
        })),
      };
    },
  );
}

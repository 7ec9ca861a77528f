import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  customerSearchQuery,
  upsertCustomerRequest,
  verifyCustomerRequest,
} from '../../core/requests/customer.js';
import { customerNumberField } from '../../core/requests/fields.js';
import type { ServiceContext } from '../../services/context.js';
import { getCustomer, searchCustomers } from '../../services/find-customers.js';
import { upsertCustomer } from '../../services/upsert-customer.js';
import { verifyCustomer } from '../../services/verify-customer.js';
import { actorOf } from '../plugins/auth.js';
import { customerResponse, presentCustomer } from '../presenters/customer.js';
import { errorResponse } from '../presenters/error.js';

const params = z.object({ customerNumber: customerNumberField });
const errors = { 400: errorResponse, 401: errorResponse, 403: errorResponse, 404: errorResponse };

export default async function customerRoutes(fastify: FastifyInstance, options: { ctx: ServiceContext }) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { ctx } = options;

  app.get(
    '/api/v1/customers',
    {
      config: { action: 'customers:read' },
      schema: {
        tags: ['customers'],
        summary: 'Find customers by number, name or phone (accent- and case-insensitive), at most 20',
        querystring: customerSearchQuery,
        response: { 200: z.object({ customers: z.array(customerResponse) }), ...errors },
      },
    },
    async (request) => {
      const customers = await searchCustomers(ctx, actorOf(request), request.query.query);
      return { customers: customers.map(presentCustomer) };
    },
  );

  app.get(
    '/api/v1/customers/:customerNumber',
    {
      config: { action: 'customers:read' },
      schema: {
        tags: ['customers'],
        summary: 'One customer',
        params,
        response: { 200: customerResponse, ...errors },
      },
    },
    async (request) => {
      return presentCustomer(await getCustomer(ctx, actorOf(request), request.params.customerNumber));
    },
  );

  app.put(
    '/api/v1/customers/:customerNumber',
    {
      config: { action: 'customers:write' },
      schema: {
        tags: ['customers'],
        summary: 'Create or update a customer (billing system); invoices are added, never duplicated',
        params,
        body: upsertCustomerRequest,
        response: { 200: customerResponse, 201: customerResponse, ...errors },
      },
    },
    async (request, reply) => {
      const { customer, created } = await upsertCustomer(
        ctx,
        actorOf(request),
        request.params.customerNumber,
        request.body,
      );
      return reply.code(created ? 201 : 200).send(presentCustomer(customer));
    },
  );

  app.post(
    '/api/v1/customers/:customerNumber/verify',
    {
      config: { action: 'customers:verify' },
      schema: {
        tags: ['customers'],
        summary: 'Check the customer’s most recent invoice number',
        params,
        body: verifyCustomerRequest,
        response: { 200: z.object({ verified: z.boolean() }), ...errors },
      },
    },
    async (request) => {
      return {
        verified: await verifyCustomer(
          ctx,
          actorOf(request),
          request.params.customerNumber,
          request.body.invoiceNumber,
        ),
      };
    },
  );
}

import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ServiceContext } from '../../services/context.js';
import { printReceipt, RECEIPT_FORMATS } from '../../services/receipt.js';
import { signedIn } from '../plugins/auth.js';

const receiptQuery = z.strictObject({
  format: z.enum(RECEIPT_FORMATS, { error: 'invalid' }).default('letter'),
});

/*
 * The site-wide policy has `object-src 'none'`, which stops Chrome's built-in PDF viewer
 * (it shows the document through an <embed>). The PDF gets a policy of its own that allows
 * the viewer and a same-origin frame, so the web app may print it from a hidden iframe.
 */
const PDF_CONTENT_SECURITY_POLICY =
  "default-src 'none'; object-src 'self'; style-src 'unsafe-inline'; frame-ancestors 'self'";

/** The receipt the customer keeps: PDF, US letter or an 80 mm thermal roll. */
export default async function receiptRoutes(
  fastify: FastifyInstance,
  options: { ctx: ServiceContext; publicUrl?: string | undefined },
) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { ctx } = options;

  app.get(
    '/api/v1/reports/:number/receipt.pdf',
    {
      config: { action: 'reports:read' },
      schema: {
        tags: ['reports'],
        summary:
          'The printable receipt (PDF, in Spanish) with the number, the promise and a QR code to the public status page; format=letter|thermal',
        params: z.object({ number: z.string().max(40) }),
        querystring: receiptQuery,
      },
    },
    async (request, reply) => {
      const { number, pdf } = await printReceipt(ctx, request.params.number, signedIn(request), {
        format: request.query.format,
        // Customers scan the code outside the office, so the configured public address wins.
        publicUrl: options.publicUrl ?? `${request.protocol}://${request.host}`,
      });
      return reply
        .type('application/pdf')
        .header('Content-Disposition', `inline; filename="comprobante-${number}.pdf"`)
        .header('Cache-Control', 'private, no-store')
        .header('Content-Security-Policy', PDF_CONTENT_SECURITY_POLICY)
        .header('X-Frame-Options', 'SAMEORIGIN')
        .send(pdf);
    },
  );
}

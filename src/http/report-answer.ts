import type { FastifyRequest } from 'fastify';
import type { ServiceContext } from '../services/context.js';
import { getReport } from '../services/get-report.js';
import { requestLanguage } from './language.js';
import { signedIn } from './plugins/auth.js';
import { presentReport } from './presenters/report.js';

/** The answer to every write on a report: the report as it now is, as the writer may see it. */
export async function answerWithReport(ctx: ServiceContext, request: FastifyRequest, number: string) {
  return presentReport(await getReport(ctx, number, signedIn(request)), ctx.now(), requestLanguage(request));
}

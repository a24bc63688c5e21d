// How errors leave the collector: a status from the code table below and a
// JSON body {"error":{"code","message"}}. Unknown errors become a 500 whose
// cause is logged with the request id and never returned.
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { DriftwatchError, type ErrorCode } from '../../common/errors.js';

const STATUS: Partial<Record<ErrorCode, number>> = {
  COLLECTOR_INGEST_CONTENT_TYPE: 415,
  COLLECTOR_INGEST_DECODE: 400,
  COLLECTOR_INGEST_INVALID: 422,
  COLLECTOR_CONTENT_INVALID: 422,
  COLLECTOR_BODY_TOO_LARGE: 413,
  COLLECTOR_ENROLL_TOKEN_INVALID: 401,
  COLLECTOR_UNKNOWN_HOST: 401,
  COLLECTOR_SIGNATURE_INVALID: 401,
  COLLECTOR_SIGNATURE_EXPIRED: 401,
  COLLECTOR_REPLAY: 409,
  COLLECTOR_BASELINE_SEALED: 409,
  COLLECTOR_RATE_LIMITED: 429,
  COLLECTOR_AUTH_REQUIRED: 401,
  COLLECTOR_FORBIDDEN: 403,
  COLLECTOR_NOT_FOUND: 404,
  COLLECTOR_BAD_REQUEST: 400,
  COLLECTOR_POLICY_INVALID: 422,
  COLLECTOR_CONFLICT: 409,
};

export function statusOf(code: ErrorCode): number {
  return STATUS[code] ?? 500;
}

/** Fastify's own errors (body too large, bad content type, bad JSON) in our terms. */
function fromFastify(err: FastifyError): DriftwatchError | undefined {
  switch (err.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE': return new DriftwatchError('COLLECTOR_BODY_TOO_LARGE', err.message);
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE': return new DriftwatchError('COLLECTOR_INGEST_CONTENT_TYPE', err.message);
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH': return new DriftwatchError('COLLECTOR_BAD_REQUEST', err.message);
    default: return err.statusCode === 404 ? new DriftwatchError('COLLECTOR_NOT_FOUND', err.message) : undefined;
  }
}

/** The error code also travels in a header, for clients and for the metrics hook. */
export const ERROR_CODE_HEADER = 'x-driftwatch-error-code';

export function sendError(reply: FastifyReply, code: ErrorCode, message: string): FastifyReply {
  return reply.status(statusOf(code)).header(ERROR_CODE_HEADER, code).type('application/json').send({ error: { code, message } });
}

export function errorHandler(err: FastifyError | Error, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const known = err instanceof DriftwatchError ? err : fromFastify(err as FastifyError);
  if (known !== undefined) {
    if (statusOf(known.code) >= 500) request.log.error({ err: known }, 'request failed');
    // Refusals are rare and may be an attack: each one is logged (never its headers).
    else request.log.warn({ code: known.code, method: request.method, url: request.url.split('?')[0], ip: request.ip }, known.message);
    return sendError(reply, known.code, known.message);
  }
  request.log.error({ err }, 'unexpected error');
  return sendError(reply, 'COLLECTOR_INTERNAL', `internal error (request id ${request.id})`);
}

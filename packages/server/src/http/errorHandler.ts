// Every error leaves as ErrorBody JSON with the right status; bad input is a 4xx naming its field,
// never a 500.
import type { ErrorBody, ErrorCode } from '@belfry/core/api';
import type { ErrorObject } from 'ajv';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ApiError } from '../errors.js';
import { describeValidation } from './validation.js';

const byStatus: Record<number, ErrorCode> = {
  400: 'bad_request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  413: 'payload_too_large',
  415: 'bad_request',
  429: 'rate_limited',
};

/** Errors the router raises before any route runs (bad percent-encoding, over-long path segments). */
export function routerErrorResponse(error: FastifyError, _request: FastifyRequest, reply: FastifyReply): void {
  const tooLong = error.code === 'FST_ERR_MAX_PARAM_LENGTH';
  const body: ErrorBody = {
    error: tooLong
      ? { code: 'bad_request', message: 'a path parameter (id) is too long', field: 'id' }
      : { code: 'bad_request', message: 'the URL path is not validly percent-encoded (id)', field: 'id' },
  };
  void reply.status(tooLong ? 414 : 400).type('application/json').send(body);
}

export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError | ApiError, request, reply) => {
    const send = (status: number, error: ErrorBody['error']) => reply.status(status).type('application/json').send({ error } satisfies ErrorBody);

    if (err instanceof ApiError) {
      return send(err.statusCode, { code: err.code, message: err.message, ...(err.field ? { field: err.field } : {}) });
    }
    const fe = err as FastifyError & { validationContext?: string };
    if (fe.validation && fe.validation.length > 0) {
      const { message, field } = describeValidation(fe.validation[0] as unknown as ErrorObject, fe.validationContext ?? 'body');
      return send(400, { code: 'bad_request', message, field });
    }
    const status = fe.statusCode ?? 500;
    if (status === 429) {
      return send(429, { code: 'rate_limited', message: 'rate limit exceeded; retry after the Retry-After header' });
    }
    if (status === 415) {
      return send(415, { code: 'bad_request', message: 'content-type must be application/json', field: 'content-type' });
    }
    if (status === 413) return send(413, { code: 'payload_too_large', message: 'request body is too large', field: 'body' });
    if (status >= 400 && status < 500) {
      const code = byStatus[status] ?? 'bad_request';
      const field = status === 400 ? 'body' : undefined;
      const message = fe.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || err instanceof SyntaxError ? 'body is not valid JSON' : fe.message;
      return send(status, { code, message, ...(field ? { field } : {}) });
    }
    request.log.error({ err }, 'request failed');
    return send(500, { code: 'internal', message: 'internal server error' });
  });

  app.setNotFoundHandler((request, reply) => {
    reply.status(404).send({ error: { code: 'not_found', message: `route ${request.method} ${request.url.split('?')[0]} not found` } } satisfies ErrorBody);
  });
}

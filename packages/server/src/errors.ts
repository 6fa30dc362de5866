// The one error type route handlers throw; the error handler turns it into an ErrorBody.
import type { ErrorCode } from '@belfry/core/api';

export class ApiError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: ErrorCode,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export const badRequest = (field: string, message: string) => new ApiError(400, 'bad_request', message, field);
export const notFound = (what = 'notification') => new ApiError(404, 'not_found', `${what} not found`);
export const unauthorized = (message = 'missing or invalid credentials') => new ApiError(401, 'unauthorized', message);
export const forbidden = (message: string) => new ApiError(403, 'forbidden', message);

// Error responses for the OpenAPI document: every status a route can answer, with the codes it uses.
/** The error body; `codes` narrows `code` to the codes the operation can answer. */
export const errorBodySchema = (codes?: string[]) => ({
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message'],
      properties: {
        code: { type: 'string', ...(codes ? { enum: codes } : {}), description: 'Stable machine-readable code (see the response description)' },
        message: { type: 'string', description: 'What went wrong, for a person' },
        field: { type: 'string', description: 'The input field at fault (400s), dotted path' },
      },
    },
  },
});
const errorBody = errorBodySchema();

const meaning: Record<number, string> = {
  400: '`bad_request`: invalid input; `field` names the field at fault',
  401: '`unauthorized`: missing or invalid credentials; for user tokens also `token_expired`, `token_claims_invalid` (iat missing or in the future), `token_lifetime_exceeded` (exp - iat over the maximum)',
  403: '`forbidden`: a session token was sent where the secret key is required',
  404: '`not_found`: no such resource in this app',
  409: '`conflict`: the request conflicts with the current state (see the message)',
  410: '`gone`: the data is past its retention period',
  413: '`payload_too_large`: the body is over the size limit',
  429: '`rate_limited`: too many requests; retry after the Retry-After header',
};

/** Responses for the given error statuses (401, 403 and 429 are added: every secret-key route has them). */
export function errorResponses(...statuses: number[]): Record<string, unknown> {
  const all = [...new Set([...statuses, 401, 403, 429])].sort();
  return Object.fromEntries(all.map((s) => [String(s), { description: meaning[s] ?? 'error', ...errorBody }]));
}

// Request validation: one Ajv for bodies (no coercion, unknown fields rejected — Fastify's default
// would strip them) and one for querystring/params (strings coerced to the declared type).
import { Ajv, type ErrorObject } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { FastifySchemaCompiler } from 'fastify';

// ajv-formats is CommonJS; under some loaders its default export arrives wrapped.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (ajv: Ajv) => Ajv;

function makeAjv(coerce: boolean): Ajv {
  const ajv = new Ajv({ removeAdditional: false, useDefaults: true, coerceTypes: coerce, allErrors: false, strict: false });
  addFormats(ajv);
  return ajv;
}

export function validatorCompiler(): FastifySchemaCompiler<unknown> {
  const body = makeAjv(false);
  const query = makeAjv(true);
  return ({ schema, httpPart }) => (httpPart === 'body' ? body : query).compile(schema as object);
}

/** "body/title must NOT have more than 200 characters" + the field it names ("title"). */
export function describeValidation(error: ErrorObject, context: string): { message: string; field: string } {
  const path = error.instancePath.split('/').filter(Boolean);
  const params = error.params as { missingProperty?: string; additionalProperty?: string };
  let tail = error.message ?? 'is invalid';
  if (error.keyword === 'required' && params.missingProperty) {
    path.push(params.missingProperty);
    tail = 'is required';
  } else if (error.keyword === 'additionalProperties' && params.additionalProperty) {
    path.push(params.additionalProperty);
    tail = 'is not an allowed field';
  } else if (error.keyword === 'pattern') {
    tail = 'contains characters that are not allowed';
  }
  const field = path.length > 0 ? path.join('.') : context;
  return { message: `${[context, ...path].join('/')} ${tail}`, field };
}

// A tiny static file handler for the dev server (no extra dependency): GET only, no directory listing,
// paths confined to the mounted directory, index.html for directories.
import { readFile, stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import type { FastifyInstance } from 'fastify';

export interface StaticMount {
  /** URL prefix ending with '/', e.g. '/' or '/examples/vue/'. */
  prefix: string;
  /** Directory on disk, or a single file when `file` is true (e.g. '/belfry.js'). */
  dir: string;
  file?: boolean;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

async function resolveFile(root: string, rel: string): Promise<string | null> {
  const base = resolve(root);
  const target = resolve(base, `.${sep}${decodeURIComponent(rel)}`);
  if (target !== base && !target.startsWith(base + sep)) return null;
  try {
    const info = await stat(target);
    if (info.isFile()) return target;
    if (info.isDirectory()) {
      const index = join(target, 'index.html');
      if ((await stat(index)).isFile()) return index;
    }
  } catch {
    // missing file → null
  }
  return null;
}

export function serveStatic(fastify: FastifyInstance, mount: StaticMount): void {
  const send = async (path: string | null, reply: import('fastify').FastifyReply) => {
    if (!path) {
      return reply.code(404).send({ error: { code: 'not_found', message: 'Not found' } });
    }
    reply.header('content-type', TYPES[extname(path)] ?? 'application/octet-stream');
    reply.header('cache-control', 'no-cache');
    return reply.send(await readFile(path));
  };

  if (mount.file) {
    fastify.get(mount.prefix, async (_request, reply) => send(await resolveFile(mount.dir, ''), reply));
    return;
  }
  const prefix = mount.prefix.endsWith('/') ? mount.prefix : `${mount.prefix}/`;
  if (prefix !== '/') {
    // '/examples/vue' → '/examples/vue/' so relative asset URLs resolve.
    fastify.get(prefix.slice(0, -1), async (_request, reply) => reply.redirect(prefix));
  }
  fastify.get(`${prefix}*`, async (request, reply) => {
    const rel = (request.params as { '*': string })['*'] ?? '';
    return send(await resolveFile(mount.dir, rel), reply);
  });
}

// The only gate between notification data (written by any backend, possibly echoing user input) and
// an href or src: the one URL policy of @belfry/core/api, the same rules the server enforces.
import { policyUrl } from '@belfry/core/api';

/**
 * Returns the URL when it may go into an href or src, otherwise null: http(s) URLs without
 * credentials (to `allowedHosts` only, when given), mailto:, and paths beginning with a single "/".
 */
export function safeUrl(input: string | null | undefined, allowedHosts?: readonly string[]): string | null {
  return policyUrl(input, { allowedHosts });
}

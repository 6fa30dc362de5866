// One recorded call: what was sent and what the real server answered (src/docs/examples.json).
export type ExampleAuth = 'secret' | 'session' | 'none';

export interface RecordedExample {
  /** "METHOD /openapi/{path}" */
  operation: string;
  /** What it shows, e.g. "Trigger a notification". */
  title: string;
  method: string;
  /** The URL path with its query string, as sent. */
  path: string;
  auth: ExampleAuth;
  /** The session token used (auth "session"). */
  token?: string;
  body?: unknown;
  status: number;
  response: unknown;
}

export interface RecordedExamples {
  baseUrl: string;
  secret: string;
  examples: RecordedExample[];
}

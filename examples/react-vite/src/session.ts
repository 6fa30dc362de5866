// Who the user is. A real app gets the userKey (HMAC of the user id with the app secret) from its own
// backend; here the local server's dev-only route plays that part.
export interface Session {
  appId: string;
  userId: string;
  userKey: string;
}

/** The Belfry API: VITE_BELFRY_API_URL, else the local `npm start` server (or this page's origin when served by it). */
export const apiUrl: string =
  import.meta.env.VITE_BELFRY_API_URL || (import.meta.env.DEV ? 'http://localhost:4000' : window.location.origin);

export async function fetchSession(): Promise<Session> {
  const userId = new URLSearchParams(window.location.search).get('user') ?? 'demo-user';
  const res = await fetch(`${apiUrl}/playground/session?userId=${encodeURIComponent(userId)}`);
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  return (await res.json()) as Session;
}

// The link syntax of notification text ("[label](url)"), shared by the inboxes' formatter and the
// server, which checks every link's URL against the URL policy like any other notification URL.

/** One link: group 1 is its label, group 2 its URL. */
export const RICH_LINK = /\[([^\]\n]{1,500})\]\(([^)\s]{1,2048})\)/;

/** The URL of every link in `text`. */
export function richTextLinks(text: string): string[] {
  return Array.from(text.matchAll(new RegExp(RICH_LINK.source, 'g')), (m) => m[2]!);
}

// A tiny formatter for notification bodies: plain text with **bold**, *italic* and [links](url).
// It builds React elements only — never HTML strings — so no markup in the data can ever execute.
import type { ReactNode } from 'react';
import { RICH_LINK } from '@belfry/core/api';
import { safeUrl } from './safeUrl.js';
import { useUi } from './useUi.js';

export type RichNode =
  | { type: 'text'; text: string }
  | { type: 'strong'; children: RichNode[] }
  | { type: 'em'; children: RichNode[] }
  | { type: 'link'; href: string | null; children: RichNode[] };

// Order matters: links first, then bold (** before *), then italic.
const TOKEN = new RegExp(`${RICH_LINK.source}|\\*\\*([^*\\n]+?)\\*\\*|\\*([^*\\n]+?)\\*`);

/** Parses the supported subset into a tree; everything else stays literal text. */
export function parseRichText(source: string, allowedLinkHosts?: readonly string[], depth = 0): RichNode[] {
  const out: RichNode[] = [];
  let rest = source;
  while (rest.length > 0) {
    const match = depth < 3 ? TOKEN.exec(rest) : null;
    if (!match) {
      out.push({ type: 'text', text: rest });
      break;
    }
    if (match.index > 0) out.push({ type: 'text', text: rest.slice(0, match.index) });
    const [whole, linkText, linkUrl, bold, italic] = match;
    if (linkText !== undefined) {
      out.push({ type: 'link', href: safeUrl(linkUrl, allowedLinkHosts), children: parseRichText(linkText, allowedLinkHosts, depth + 1) });
    } else if (bold !== undefined) {
      out.push({ type: 'strong', children: parseRichText(bold, allowedLinkHosts, depth + 1) });
    } else if (italic !== undefined) {
      out.push({ type: 'em', children: parseRichText(italic, allowedLinkHosts, depth + 1) });
    }
    rest = rest.slice(match.index + whole.length);
  }
  return out;
}

function renderNodes(nodes: RichNode[], keyPrefix: string): ReactNode[] {
  return nodes.map((node, i) => {
    const key = `${keyPrefix}${i}`;
    switch (node.type) {
      case 'text':
        return node.text;
      case 'strong':
        return <strong key={key}>{renderNodes(node.children, `${key}.`)}</strong>;
      case 'em':
        return <em key={key}>{renderNodes(node.children, `${key}.`)}</em>;
      case 'link':
        // An unsafe URL keeps its text but loses the link.
        return node.href ? (
          <a
            key={key}
            className="belfry-link"
            href={node.href}
            target="_blank"
            rel="noopener noreferrer"
            onClick={(event) => event.stopPropagation()}
          >
            {renderNodes(node.children, `${key}.`)}
          </a>
        ) : (
          <span key={key}>{renderNodes(node.children, `${key}.`)}</span>
        );
    }
  });
}

export interface RichTextProps {
  text: string;
  className?: string;
}

/**
 * In bidi isolation (<bdi>): a direction override in one notification's text (U+202E "…gnp.exe") stays
 * inside it and can't reorder the text and UI around it. The text itself is left as written.
 */
export function RichText({ text, className }: RichTextProps) {
  const { allowedLinkHosts } = useUi();
  return <bdi className={className}>{renderNodes(parseRichText(text, allowedLinkHosts), 'r')}</bdi>;
}

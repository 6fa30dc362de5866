// The element that carries direction, colour scheme and theme tokens for a top-level component.
import type { CSSProperties, ReactNode } from 'react';
import type { UiConfig } from './context.js';
import { themeStyle, type Theme } from './theme.js';

export interface RootProps {
  ui: UiConfig;
  theme?: Theme | undefined;
  className?: string | undefined;
  style?: CSSProperties | undefined;
  children?: ReactNode;
}

export function Root({ ui, theme, className, style, children }: RootProps) {
  const merged = theme || ui.theme ? { ...ui.theme, ...theme } : undefined;
  const themed = themeStyle(merged);
  return (
    <div
      className={className ? `belfry-root ${className}` : 'belfry-root'}
      dir={ui.dir}
      lang={ui.locale}
      data-color-scheme={ui.colorScheme}
      style={themed || style ? { ...themed, ...style } : undefined}
    >
      {children}
    </div>
  );
}

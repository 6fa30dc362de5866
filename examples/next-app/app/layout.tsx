import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import '@belfry/react/styles.css';
import './globals.css';

export const metadata: Metadata = { title: 'Belfry · Next.js App Router example', icons: { icon: 'data:,' } };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}

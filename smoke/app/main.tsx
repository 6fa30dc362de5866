// A React app as an npm user writes it: only the published entry points of @belfry/react.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BelfryProvider, Inbox } from '@belfry/react';
import { de } from '@belfry/react/locales';
import '@belfry/react/styles.css';

// The page's "backend" (the test) hands over who the user is; a real app computes userKey server-side.
const q = new URLSearchParams(location.search);
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <BelfryProvider apiUrl={q.get('api')!} appId="demo" userId={q.get('user')!} userKey={q.get('key')!} locale={q.get('locale') ?? 'en'} messages={q.get('locale') === 'de' ? de : undefined}>
      <Inbox />
    </BelfryProvider>
  </StrictMode>,
);

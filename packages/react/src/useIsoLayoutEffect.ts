// useLayoutEffect warns during SSR; nothing is measured or positioned on the server anyway.
import { useEffect, useLayoutEffect } from 'react';

export const useIsoLayoutEffect = typeof window === 'undefined' ? useEffect : useLayoutEffect;

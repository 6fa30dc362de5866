// A flag that clears itself a while after it is raised (the "that did not work" messages).
import { useEffect, useState } from 'react';

export function useTransientFlag(visibleMs: number): [boolean, (value: boolean) => void] {
  const [flag, setFlag] = useState(false);
  useEffect(() => {
    if (!flag) return undefined;
    const timer = setTimeout(() => setFlag(false), visibleMs);
    return () => clearTimeout(timer);
  }, [flag, visibleMs]);
  return [flag, setFlag];
}

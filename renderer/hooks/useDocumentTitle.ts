import { useEffect } from 'react';

/** The window title says where the evaluator is ("Unlock journey — Confidant"). */
export function useDocumentTitle(title: string): void {
  useEffect(() => {
    document.title = title ? `${title} — Confidant` : 'Confidant';
  }, [title]);
}

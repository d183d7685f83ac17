// Sets document.title for screens outside the signed-in frame (which uses <Screen>).
import { useEffect } from 'react';

export function useDocumentTitle(title: string): void {
  useEffect(() => {
    document.title = title;
  }, [title]);
}

// The app's stores reach components through context; `useStores()` gives them, and zustand's
// `useStore(store, selector)` subscribes a component to the slice it renders.
import { createContext, useContext } from 'react';
import type { Stores } from '../stores';

export const StoresContext = createContext<Stores | null>(null);

export function useStores(): Stores {
  const stores = useContext(StoresContext);
  if (!stores) throw new Error('useStores() outside <StoresContext.Provider>');
  return stores;
}

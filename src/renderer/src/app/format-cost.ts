// An estimated provider cost in US dollars as the screens show it: "free", sub-cent amounts to four places.
export function formatCost(usd: number): string {
  if (usd === 0) return 'free';
  return usd < 0.01 ? `$${usd.toFixed(4)}` : `$${usd.toFixed(2)}`;
}

// Every cache key in one place, so invalidation after a write cannot miss a screen.
export const queryKeys = {
  appInfo: ['app:info'] as const,
  summary: ['portfolio:summary'] as const,
  accounts: ['accounts:list'] as const,
  transactions: ['transactions:list'] as const,
};

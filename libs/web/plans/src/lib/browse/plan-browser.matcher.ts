import type { UrlMatchResult, UrlSegment } from '@angular/router';

/**
 * /plans/:planId and /plans/:planId/nodes/:nodeId as ONE route, so moving between nodes reuses
 * the browser (the tree keeps its state) and only its inputs change.
 */
export function planBrowserMatcher(segments: UrlSegment[]): UrlMatchResult | null {
  const [plan, nodes, node] = segments;
  if (segments.length === 1 && plan) return { consumed: segments, posParams: { planId: plan } };
  if (segments.length === 3 && plan && nodes?.path === 'nodes' && node) return { consumed: segments, posParams: { planId: plan, nodeId: node } };
  return null;
}

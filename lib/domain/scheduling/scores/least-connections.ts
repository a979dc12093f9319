import { MAX_NODE_SCORE, type ScorePlugin } from "./score";

/**
 * The seed's LeastConnections, with pods as the connections: fewest bound pods scores 100, most scores 0
 * (min–max over the candidates; all 100 when equal).
 */
export const leastConnectionsScore: ScorePlugin = {
  name: "LeastConnections",
  score(_pod, cluster, feasible, count, out) {
    let min = Number.POSITIVE_INFINITY;
    let max = Number.NEGATIVE_INFINITY;
    for (let i = 0; i < count; i++) {
      const pods = cluster.podCount[feasible[i]!]!;
      out[i] = pods;
      min = Math.min(min, pods);
      max = Math.max(max, pods);
    }
    const range = max - min;
    for (let i = 0; i < count; i++) {
      out[i] = range > 0 ? (MAX_NODE_SCORE * (max - out[i]!)) / range : MAX_NODE_SCORE;
    }
    return true;
  },
};

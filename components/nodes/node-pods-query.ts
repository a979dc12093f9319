/** The bounded read of a node's pods, shared by its page (first render) and the live table (polling). */
export const NODE_PODS_LIMIT = 200;

export const nodePodsQuery = (nodeName: string): Record<string, string | undefined> => ({
  nodeName,
  sort: "name",
  limit: String(NODE_PODS_LIMIT),
});

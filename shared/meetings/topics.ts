/**
 * Session topics. The group's recurring subjects are stored as stable keys (translated on
 * screen and in print); anything else a person types is kept as written.
 */

export const KNOWN_TOPICS = [
  'customs-valuation',
  'risk-management',
  'trade-facilitation',
  'intellectual-property',
  'customs-reform',
  'post-clearance-audit',
  'transit',
  'wto',
  'capacity-building',
  'cooperation',
  'organization',
  'mou',
] as const;
export type KnownTopic = (typeof KNOWN_TOPICS)[number];

export function isKnownTopic(topic: string): topic is KnownTopic {
  return (KNOWN_TOPICS as readonly string[]).includes(topic);
}

/** Free-text topics typed as "a, b; c" → ["a", "b", "c"], trimmed, without repeats or empties. */
export function parseOtherTopics(text: string): string[] {
  const seen = new Set<string>();
  const topics: string[] = [];
  for (const part of text.split(/[,;\n]/)) {
    const topic = part.trim().replace(/\s+/g, ' ');
    const key = topic.toLowerCase();
    if (topic === '' || seen.has(key)) continue;
    seen.add(key);
    topics.push(topic);
  }
  return topics;
}

/** Known topics first, in list order, then the others as typed. */
export function orderTopics(topics: readonly string[]): string[] {
  const known = KNOWN_TOPICS.filter((topic) => topics.includes(topic));
  const others = topics.filter((topic) => !isKnownTopic(topic));
  return [...known, ...new Set(others)];
}

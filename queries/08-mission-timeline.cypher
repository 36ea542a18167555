// Mission timeline
// name: mission-timeline
// description: A mission's timeline: dated documents that mention it, resolutions that mandate it, evaluations of it, in order; the first $limit from $since on (a year or an ISO date; empty: from the start).
// param: mission = "MINUSMA"
// param: since = ""
// param: limit = 200
MATCH (m:Mission)
WHERE toLower(m.id) = toLower($mission)
MATCH (x:Document|Resolution|Report)-[:MENTIONS|MANDATES|EVALUATES]->(m)
WITH DISTINCT x, labels(x)[0] AS kind
WITH x, kind, CASE kind WHEN 'Document' THEN x.date WHEN 'Resolution' THEN toString(x.year)
                        ELSE left(x.period, 4) END AS date
WHERE date >= $since
RETURN date, kind, x.id AS item, coalesce(x.title, x.caption) AS title
ORDER BY date, kind, item
LIMIT $limit

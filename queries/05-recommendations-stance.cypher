// Recommendations and the government's stance
// name: recommendations-stance
// description: Recommendations per report (evaluations, advisory and inspection reports, ...) with the stance each responding document takes; not and partly endorsed first. A collective item is the report's recommendations as a whole.
// param: limit = 500
MATCH (r:Recommendation)
OPTIONAL MATCH (e:Report)-[:HAS_RECOMMENDATION]->(r)
OPTIONAL MATCH (d:Document)-[s:ENDORSES]->(r)
RETURN coalesce(e.report_title, e.title, '(no report named)') AS report, coalesce(r.number, r.caption) AS recommendation,
       coalesce(s.stance, 'unknown') AS stance, d.id AS document, r.text AS text
ORDER BY report,
         CASE s.stance WHEN 'rejected' THEN 0 WHEN 'partial' THEN 1 WHEN 'full' THEN 2 ELSE 3 END,
         recommendation, r.id, coalesce(d.id, '')
LIMIT $limit

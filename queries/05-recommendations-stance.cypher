// Recommendations and the cabinet's stance
// name: recommendations-stance
// description: Recommendations per evaluation with the cabinet's stance; not and partly endorsed first.
// param: limit = 500
MATCH (r:Recommendation)
OPTIONAL MATCH (e:Report)-[:HAS_RECOMMENDATION]->(r)
OPTIONAL MATCH (d:Document)-[s:ENDORSES]->(r)
RETURN coalesce(e.title, '(no evaluation named)') AS evaluation, r.number AS recommendation,
       coalesce(s.stance, 'unknown') AS stance, d.id AS document, r.text AS text
ORDER BY evaluation,
         CASE s.stance WHEN 'rejected' THEN 0 WHEN 'partial' THEN 1 WHEN 'full' THEN 2 ELSE 3 END,
         recommendation, r.id, coalesce(d.id, '')
LIMIT $limit

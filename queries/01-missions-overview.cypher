// Missions overview
// name: missions-overview
// description: Per mission: how many documents mention it, the resolutions that mandate it, its evaluations and their recommendations.
MATCH (m:Mission)
OPTIONAL MATCH (r:Resolution)-[:MANDATES]->(m)
WITH m, count(DISTINCT r) AS resolutions
OPTIONAL MATCH (e:Report)-[:EVALUATES]->(m)
WITH DISTINCT m, resolutions, e
OPTIONAL MATCH (e)-[:HAS_RECOMMENDATION]->(rec:Recommendation)
WITH m, resolutions, count(DISTINCT e) AS evaluations, count(DISTINCT rec) AS recommendations
RETURN m.id AS mission, m.organisation AS organisation, COUNT { MATCH (m)<-[:MENTIONS]-() } AS documents,
       resolutions, evaluations, recommendations
ORDER BY documents DESC, mission

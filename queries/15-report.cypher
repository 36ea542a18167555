// One report: every item, every stance, every commitment
// name: report
// description: For one report (found by id, else by a word of its title, else by its author): every recommendation and finding, the stance each responding document takes on it, who takes it and the sentence that says so, and the commitments that answer it.
// param: report = "iob-minusma-2014-2019"
MATCH (r:Report)
WHERE r.id = $report OR toLower(coalesce(r.report_title, r.title, '')) CONTAINS toLower($report)
   OR toLower(coalesce(r.author, '')) = toLower($report)
WITH r
ORDER BY CASE WHEN r.id = $report THEN 0 ELSE 1 END, r.id
LIMIT 1
MATCH (r)-[:HAS_RECOMMENDATION|HAS_FINDING]->(i)
OPTIONAL MATCH (d:Document)-[s:ENDORSES]->(i)
OPTIONAL MATCH (t:Commitment)-[:ADDRESSES]->(i)
WITH r, i, d, s, collect(DISTINCT t.text) AS commitments
RETURN coalesce(r.report_title, r.title) AS report, labels(i)[0] AS kind, coalesce(i.number, '') AS number, i.caption AS item,
       coalesce(s.stance, 'none') AS stance, coalesce(s.stated_by, '') AS stated_by, d.id AS document,
       s.sentence AS quote, COLLECT { UNWIND commitments AS c RETURN c ORDER BY c } AS commitments
ORDER BY kind DESC, size(number), number, item, i.id, coalesce(d.id, '')

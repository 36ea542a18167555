"""Fetching from the official sources (``missiongraph.sources``), one module per source and the plumbing they
share:

| module | what |
|---|---|
| ``sru`` | the SRU search service of repository.overheid.nl: which publications exist (a dossier, a period) |
| ``publications`` | zoek.officielebekendmakingen.nl: a publication's XML and its ``metadata.xml``; mirrors |
| ``http`` | the polite client: httpx, hishel (HTTP cache), stamina (retries), rate limit, User-Agent |
| ``xmlcheck`` | answers that must be XML: HTML pages, empty or malformed answers refused with the reason |
| ``corpus`` | the local folder: files named by official id, sidecars, written under a temporary name |
| ``ids`` | Kamerstuk ids in the forms users type |

``missiongraph.fetch`` decides what to fetch and loads it; ``missiongraph fetch`` is its command.
"""

"""Responses to reports: the reports a document answers or names, their items (recommendations and findings),
the stance the government takes on each (full, partial, rejected or none) and its commitments (toezeggingen).

- ``reports``: the reports named (evaluations of missions, advisory and inspection reports, investigations), the
  one the document answers, its title and author;
- ``document``: items and stances (``items``, ``stance``, ``layout``) and commitments (``commitments``, ``layout``);
- the phrasings are data: ``stances.yaml`` (stances, scope words, negations, appraisals), ``items.yaml`` (item
  nouns, report verbs, who speaks) and ``commitments.yaml`` (promise markers and what cancels them), read by
  ``lexicon``. docs/stances.md lists them.
"""

from . import document, reports

RULES = [document.responses]
LINKERS = [reports.reports]

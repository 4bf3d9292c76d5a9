"""Pure functions over lists of works: `filters` (filters and ordering), `search` (fuzzy search, hit order),
`people` (person index, default person, coauthors) and `stats` (collection figures)."""

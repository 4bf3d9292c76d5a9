"""Results to text. `registry` maps (result kind, format) to a writer; one module per format family:
`data` (JSON, JSON Lines, CSV), `tables` (rich tables), `bibtex`, `csljson`, `graph` (DOT, Mermaid)."""

"""Text normalisation shared by every stage: titles, person names, dates, identifiers and vocabularies."""

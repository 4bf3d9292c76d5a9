"""Pure functions over lists of works: filters and ordering, fuzzy search, people and coauthors, stats."""

from __future__ import annotations

from scholarcli.query.filters import Filters, NoSuchAuthorError, apply_filters, resolve_person, sort_works, take
from scholarcli.query.people import Chosen, choose_person, coauthors, most_frequent_author, person_index
from scholarcli.query.search import SEARCH_FIELDS, check_query, order_hits, search
from scholarcli.query.stats import collection_stats

__all__ = [
    "SEARCH_FIELDS",
    "Chosen",
    "Filters",
    "NoSuchAuthorError",
    "apply_filters",
    "check_query",
    "choose_person",
    "coauthors",
    "collection_stats",
    "most_frequent_author",
    "order_hits",
    "person_index",
    "resolve_person",
    "search",
    "sort_works",
    "take",
]

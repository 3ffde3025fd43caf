"""Component ids, in one place so that layouts, callbacks and tests agree."""

# Every page: the query string its state writes back into the address bar.
URL_QUERY = "url-query"  # pattern-matching type: {"type": URL_QUERY, "page": name}
URL_SYNCED = "url-synced"

# Figure-table pages: one id per part, prefixed with the table name.
CLAIM_PARTS = (
    "event", "years", "group", "place", "source", "reliability", "unit", "scale", "graph",
    "caption", "summary", "download", "table", "count", "reset",
)  # fmt: skip


def claims_id(table: str, part: str) -> str:
    """The id of one part of a figure-table page, e.g. claims_id('deaths', 'graph')."""
    if part not in CLAIM_PARTS:
        error = f"Unknown part {part!r} of a claims page."
        raise ValueError(error)
    return f"{table}-{part}"


OVERVIEW_TIMELINE = "overview-timeline"

COMPARE_TABLE = "compare-table"
COMPARE_CARDS = "compare-cards"

MAP_TABLE = "map-table"
MAP_EVENT = "map-event"
MAP_GRAPH = "map-graph"
MAP_CAPTION = "map-caption"
MAP_DOWNLOAD = "map-download"
MAP_SUMMARY = "map-summary"

SOURCES_GRAPH = "sources-graph"

DATA_TABLE_SELECT = "data-table-select"
DATA_GRID = "data-grid"
DATA_DOWNLOAD_SHOWN = "data-download-shown"
DATA_DOWNLOAD = "data-download"
DATA_FULL_LINK = "data-full-link"
DATA_COUNT = "data-count"

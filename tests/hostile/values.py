"""Hostile values, as hypothesis strategies. A value is a str (sent UTF-8 encoded, lone
surrogates included, so they arrive as invalid UTF-8), bytes (sent raw: %ff%fe), or a list
(the parameter repeated)."""

import json

from hypothesis import strategies as st

LITERALS = (
    '"',
    "'",
    "\x00",
    "a\x00b",
    "9" * 31,
    "-1",
    "-" + "9" * 31,
    "0",
    "abc",
    "1e309",
    "NaN",
    "x" * 10_000,
    b"\xff\xfe",
    b"%\xc3",
    "\ud800",
    "[]",
    "{}",
    "null",
    '{"blocks": 1, "entityMap": []}',
    '[{"type": "nope", "value": {}}]',
    '[{"type": "paragraph"}]',
    "not json {",
    "<script>alert(1)</script>",
    "../../etc/passwd",
    "\u202e\U0001d54f",
    "%",
    "\\",
    "2024-13-45",
    "99999-01-01T25:61",
    "\r\nX-Injected: 1",
    "100000",
    " ",
    "",
)

JSON_SHAPES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=5),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3)
    ),
    max_leaves=6,
).map(json.dumps)

SCALAR = st.one_of(
    st.sampled_from(LITERALS),
    st.integers(min_value=-(10**31), max_value=10**31).map(str),
    st.text(max_size=40),
    st.binary(min_size=1, max_size=8),
    JSON_SHAPES,
)

VALUE = st.one_of(SCALAR, st.lists(SCALAR, min_size=2, max_size=3))

# Names no view documents but many read: pagination, ordering, search, redirects, formats.
UNDOCUMENTED = (
    "p",
    "page",
    "q",
    "ordering",
    "order",
    "next",
    "limit",
    "offset",
    "fields",
    "type",
    "format",
    "locale",
    "lang",
    "site",
    "id",
    "parent",
    "collection_id",
    "tag",
    "child_of",
    "descendant_of",
    "search",
    "_w_filter_fields",
)


def params(names):
    """A dict of hostile values for a subset (never empty) of ``names``."""
    names = sorted(set(names)) or ["q"]
    return st.dictionaries(st.sampled_from(names), VALUE, min_size=1, max_size=min(6, len(names)))

"""Who works on a municipality's site: the names of its groups and of the regional one.

The groups themselves, and what they may do, are made by ``sync_sites``
(cms/sitesync/groups.py).
"""

REGIONAL_EDITORS = "regional editors"


def editor_group_names(slug):
    """The names of the editors' and the moderators' groups of municipality ``slug``."""
    return f"{slug} editors", f"{slug} moderators"

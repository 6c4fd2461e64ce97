"""What the regional editors need besides the RegionalService permissions."""

from cms.municipalities.access import ensure_permissions


def ensure_regional_translation_permission(group, changes):
    """Let ``group`` (the regional editors) translate regional services with wagtail-localize.

    wagtail-localize shows "Translate" on a snippet only to holders of the global
    submit_translation permission. That permission does not open other municipalities'
    pages: cms/municipalities/wagtail_hooks.py limits page translation to the user's own
    trees, and the regional editors hold no page permission.
    """
    ensure_permissions(group, [("wagtail_localize", "submit_translation")], changes)

"""What the regional editors need besides the RegionalService permissions."""

from cms.municipalities.access import _permission


def ensure_regional_translation_permission(group, changes):
    """Let ``group`` (the regional editors) translate regional services with wagtail-localize.

    wagtail-localize shows "Translate" on a snippet only to holders of the global
    submit_translation permission. That permission does not open other municipalities'
    pages: cms/municipalities/wagtail_hooks.py limits page translation to the user's own
    trees, and the regional editors hold no page permission.
    """
    permission = _permission("wagtail_localize", "submit_translation")
    if not group.permissions.filter(pk=permission.pk).exists():
        group.permissions.add(permission)
        changes.append(f"grant submit_translation to {group.name!r}")

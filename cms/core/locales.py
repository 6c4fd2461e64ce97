"""Language codes by locale id without a query per page.

Locales are created by sync_sites and never renumbered, so each process keeps the small
id → code map it reads once (and reads again when it meets an id it does not know).
"""

from wagtail.models import Locale

_codes = {}


def language_code(locale_id):
    code = _codes.get(locale_id)
    if code is None:
        _codes.update(Locale.objects.values_list("id", "language_code"))
        code = _codes.get(locale_id)
    return code

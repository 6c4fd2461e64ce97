"""Dutch that follows the register: the informal catalogue layered over the formal one.

Django caches one translation object per language and re-installs it whenever anything
activates a language (LocaleMiddleware, ``translation.override`` in Wagtail's URL
reversing, ...). So the register cannot be a second object swapped in for the request:
the first ``override("nl")`` would swap the formal one back. Instead the cached Dutch
object is a :class:`RegisterTranslation`: Django's own ``DjangoTranslation`` (every
catalogue, unchanged) that, while the informal register is in force, first looks in
the small informal catalogue (``locale/nl/LC_MESSAGES/django.po`` beside this module,
which holds only the strings that differ). Other languages are untouched.

:func:`install` puts it in Django's cache; it is called on every request by the
middleware, because Django empties that cache when settings or catalogue files change.
The one private name used is ``trans_real._translations`` (the cache); the tests in
``tests/core/test_register.py`` fail if a Django release changes it.
"""

import gettext as gettext_module
from pathlib import Path

from django.conf import settings
from django.utils.translation import activate, get_language, to_locale, trans_real

from .state import is_informal

INFORMAL_LOCALE_DIR = Path(__file__).resolve().parent / "locale"
DOMAIN = "django"


def informal_catalogue(language):
    """The compiled informal catalogue of ``language``: msgid (or (msgid, plural index))
    -> text, and its plural function; empty when there is none."""
    found = gettext_module.translation(
        DOMAIN, localedir=INFORMAL_LOCALE_DIR, languages=[to_locale(language)], fallback=True
    )
    if not isinstance(found, gettext_module.GNUTranslations):
        return {}, (lambda n: int(n != 1))
    catalogue = {key: text for key, text in found._catalog.items() if key and text}
    return catalogue, found.plural


class RegisterTranslation(trans_real.DjangoTranslation):
    """Django's translation of one language, plus its informal variants."""

    def __init__(self, language):
        super().__init__(language)
        self.informal, self.informal_plural = informal_catalogue(language)

    def __repr__(self):
        return f"<RegisterTranslation lang:{self.language()}>"

    def gettext(self, message):
        if is_informal():
            found = self.informal.get(message)
            if found is not None:
                return found
        return super().gettext(message)

    def ngettext(self, msgid1, msgid2, n):
        if is_informal():
            found = self.informal.get((msgid1, self.informal_plural(n)))
            if found is not None:
                return found
        return super().ngettext(msgid1, msgid2, n)


def register_languages():
    """The configured languages with a register: Dutch and its variants."""
    return [code for code, _name in settings.LANGUAGES if code.split("-")[0] == "nl"]


def install():
    """Make Django's cached Dutch translation objects register-aware (idempotent); a
    Dutch language already active is activated again, so it is the new object."""
    cache = trans_real._translations
    replaced = []
    for language in register_languages():
        if not isinstance(cache.get(language), RegisterTranslation):
            cache[language] = RegisterTranslation(language)
            replaced.append(language)
    active = get_language()
    if active in replaced and not isinstance(trans_real.catalog(), RegisterTranslation):
        activate(active)

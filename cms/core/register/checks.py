"""The system check that keeps the two registers complete (``manage.py check``).

Every Dutch text of the project's catalogues (``LOCALE_PATHS`` and every project app's
``locale/``) that addresses the reader formally ("u", "uw") needs an informal variant in
this package's catalogue, or an explicit ``#, formal-only`` entry there (admin-only
strings: the admin always says "u"). An informal variant must translate a msgid that
still exists, differ from the formal text, not say "u" itself, and be compiled.

They are warnings, not errors: CI runs ``check --fail-level WARNING`` and fails on them,
while ``migrate`` and the server still start when a new string waits for its variant.
"""

import re
from dataclasses import dataclass
from pathlib import Path

import polib
from django.apps import apps
from django.conf import settings
from django.core import checks

from .translation import INFORMAL_LOCALE_DIR

LANGUAGE = "nl"
FORMAL_ONLY = "formal-only"
# "u", "uw", "uzelf" as whole words: the formal forms of address (the informal ones are
# "je", "jij", "jou", "jouw", "jezelf"). Case-sensitive on purpose: "U" and "Uw" too.
FORMAL_ADDRESS = re.compile(r"(?<![\w%(])(?:[uU]|[uU]w|[uU]zelf)(?![\w)])")

HINT = (
    "Add the entry to {informal} (same msgctxt/msgid, the text in the 'je' form), or, "
    "for an admin-only string, an entry with an empty msgstr and the flag "
    "'#, formal-only'; then run compilemessages in cms/core/register."
)


@dataclass(frozen=True)
class Entry:
    key: str  # msgctxt + "\x04" + msgid, as gettext keys it
    texts: tuple
    file: str
    formal_only: bool = False

    @property
    def label(self):
        return self.key.replace("\x04", " | ")


def addresses_formally(texts):
    return any(FORMAL_ADDRESS.search(text or "") for text in texts)


def entry_key(entry):
    return f"{entry.msgctxt}\x04{entry.msgid}" if entry.msgctxt else entry.msgid


def entry_texts(entry):
    if entry.msgid_plural:
        return tuple(text for _index, text in sorted(entry.msgstr_plural.items()))
    return (entry.msgstr,)


def read_catalogue(path):
    """The live, translated entries of one .po file."""
    entries = []
    for entry in polib.pofile(str(path)):
        if entry.obsolete or not entry.msgid:
            continue
        formal_only = FORMAL_ONLY in entry.flags
        if "fuzzy" in entry.flags or (not formal_only and not any(entry_texts(entry))):
            continue
        entries.append(Entry(entry_key(entry), entry_texts(entry), str(path), formal_only))
    return entries


def formal_catalogue_paths():
    """The project's Dutch catalogues: LOCALE_PATHS and each app inside the project."""
    base = Path(settings.BASE_DIR).resolve()
    roots = [Path(path) for path in settings.LOCALE_PATHS]
    for config in apps.get_app_configs():
        path = Path(config.path).resolve()
        if path.is_relative_to(base) and ".venv" not in path.parts:
            roots.append(path / "locale")
    paths = []
    for root in roots:
        path = (root / LANGUAGE / "LC_MESSAGES" / "django.po").resolve()
        if path.exists() and path not in paths and not path.is_relative_to(INFORMAL_LOCALE_DIR):
            paths.append(path)
    return paths


def informal_catalogue_path():
    return INFORMAL_LOCALE_DIR / LANGUAGE / "LC_MESSAGES" / "django.po"


def register_errors(formal_paths, informal_path):
    """Every problem, as ``checks.Warning``; empty when the registers are complete."""
    informal_path = Path(informal_path)
    formal = {}
    for path in formal_paths:
        for entry in read_catalogue(path):
            formal.setdefault(entry.key, entry)
    informal = {e.key: e for e in read_catalogue(informal_path)} if informal_path.exists() else {}
    hint = HINT.format(informal=informal_path)
    errors = []
    for key, entry in formal.items():
        if addresses_formally(entry.texts) and key not in informal:
            errors.append(
                checks.Warning(
                    f'"{entry.label}" says "u" in {entry.file} and has no informal variant.',
                    hint=hint,
                    id="register.W001",
                )
            )
    for key, entry in informal.items():
        if key not in formal:
            errors.append(
                checks.Warning(
                    f'The informal variant of "{entry.label}" translates a msgid that no '
                    "project catalogue has (any more).",
                    hint=f"Remove it from {informal_path}, or fix its msgid.",
                    id="register.W002",
                )
            )
        elif entry.formal_only:
            continue
        elif entry.texts == formal[key].texts:
            errors.append(
                checks.Warning(
                    f'The informal variant of "{entry.label}" is the formal text.',
                    hint=f"Write it in the 'je' form, or remove it from {informal_path}.",
                    id="register.W003",
                )
            )
        elif addresses_formally(entry.texts):
            errors.append(
                checks.Warning(
                    f'The informal variant of "{entry.label}" still says "u".',
                    hint="Use je, jij, jou or jouw.",
                    id="register.W004",
                )
            )
    errors += compiled_errors(informal_path, informal)
    return errors


def compiled_errors(informal_path, informal):
    """The runtime reads the .mo: it must hold exactly the .po's informal texts."""
    compiled_path = informal_path.with_suffix(".mo")
    wanted = {key: e.texts for key, e in informal.items() if not e.formal_only}
    compiled = {}
    if compiled_path.exists():
        for entry in polib.mofile(str(compiled_path)):
            if entry.msgid:
                compiled[entry_key(entry)] = entry_texts(entry)
    if compiled != wanted:
        return [
            checks.Warning(
                f"{compiled_path} is missing or older than {informal_path.name}.",
                hint=f"Run compilemessages in {informal_path.parents[3]}.",
                id="register.W005",
            )
        ]
    return []


@checks.register(checks.Tags.translation)
def check_registers(app_configs=None, **kwargs):
    return register_errors(formal_catalogue_paths(), informal_catalogue_path())

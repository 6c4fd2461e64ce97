"""Read and check TOML data files against a small schema, with file/key/reason errors.

The sites/ files and the demo's data files are read the same way: ``read_toml`` loads a
file, ``validate_table`` checks it against a schema and returns the normalised values,
and whatever is wrong is raised as a ``ConfigError`` naming the file, the key (dotted,
with list positions: ``desk.hours``, ``services[3].costs[0].amount``) and what is wrong.

A schema maps each key to ``(kind, required)``. A kind is
- the name of a value kind: one of ``BASIC_KINDS`` or one a caller adds through
  ``kinds`` (a function ``check(value)`` that returns the normalised value or raises
  ``Invalid``);
- a dict: a nested table with a schema of its own;
- a list of one kind: a list whose every item is of that kind (a table, say).
"""

import copy
import datetime as dt
import difflib
import re
import tomllib
from pathlib import Path

_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_HOSTNAME = re.compile(r"^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9-]{1,63})*$")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_PHONE = re.compile(r"^\+?[0-9 ./()-]{6,20}$")
_POSTCODE = re.compile(r"[1-9][0-9]{3}")


class ConfigError(Exception):
    """A data file that cannot be used, with the file, the key and what is wrong."""

    def __init__(self, path, key, message):
        self.path = Path(path)
        self.key = key
        self.message = message
        super().__init__(str(self))

    def __str__(self):
        where = f"{self.path.name}: {self.key}: " if self.key else f"{self.path.name}: "
        return where + self.message


class Invalid(Exception):
    """Raised by a kind's check: ``message`` says what is wrong; ``key`` (optional) is the
    part of the value it is about, appended to the value's own key (``[2]``, ``.except``)."""

    def __init__(self, message, key=""):
        self.message = message
        self.key = key
        super().__init__(message)


def read_toml(path, error=ConfigError):
    """The parsed TOML file at ``path``; a broken or unreadable file raises ``error``."""
    try:
        with open(path, "rb") as handle:
            return tomllib.load(handle)
    except tomllib.TOMLDecodeError as exc:
        raise error(path, "", f"invalid TOML: {exc}") from exc
    except OSError as exc:
        raise error(path, "", f"cannot be read: {exc.strerror}") from exc


def merge(defaults, overrides):
    """Tables merge key by key; any other value in ``overrides`` replaces the default."""
    result = copy.deepcopy(defaults)
    for key, value in overrides.items():
        if isinstance(value, dict) and isinstance(result.get(key), dict):
            result[key] = merge(result[key], value)
        else:
            result[key] = copy.deepcopy(value)
    return result


def text(value):
    if not isinstance(value, str) or not value.strip():
        raise Invalid(f"expected a non-empty string, got {value!r}")
    return value.strip()


def _matching(pattern, what):
    def check(value):
        value = text(value)
        if not pattern.fullmatch(value):
            raise Invalid(f"{value!r} is not {what}")
        return value

    return check


def https_url(value):
    value = text(value)
    if not value.startswith("https://"):
        raise Invalid(f"{value!r} is not an https:// address")
    return value


def whole_number(value):
    if isinstance(value, bool) or not isinstance(value, int):
        raise Invalid(f"expected a whole number, got {value!r}")
    return value


def number(value):
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise Invalid(f"expected a number, got {value!r}")
    return value


def boolean(value):
    if not isinstance(value, bool):
        raise Invalid(f"expected true or false, got {value!r}")
    return value


def date(value):
    if isinstance(value, dt.datetime) or not isinstance(value, dt.date):
        raise Invalid(f"{value!r} is not a date (YYYY-MM-DD)")
    return value


def list_of(check):
    """A kind: a list whose every item passes ``check``; returned as a tuple."""

    def check_list(value):
        if not isinstance(value, list):
            raise Invalid("expected a list")
        items = []
        for i, item in enumerate(value):
            try:
                items.append(check(item))
            except Invalid as error:
                raise Invalid(error.message, f"[{i}]{error.key}") from error
        return tuple(items)

    return check_list


BASIC_KINDS = {
    "str": text,
    "slug": _matching(_SLUG, "a slug (lower-case letters, digits and hyphens)"),
    "email": _matching(_EMAIL, "an e-mail address"),
    "phone": _matching(_PHONE, "a phone number"),
    "url": https_url,
    "hostname": _matching(_HOSTNAME, "a host name (lower case, no scheme, no port)"),
    "postcode": _matching(_POSTCODE, "a Belgian postcode (four digits)"),
    "int": whole_number,
    "number": number,
    "bool": boolean,
    "date": date,
    "strings": list_of(text),
}


def validate_table(path, data, schema, kinds=None, prefix="", error=ConfigError):
    """Check ``data`` against ``schema``: unknown keys, missing keys, value kinds.

    Returns the normalised values of the keys present; raises ``error`` (ConfigError or a
    subclass) with the file, the dotted key and the reason.
    """
    kinds = {**BASIC_KINDS, **(kinds or {})}
    if not isinstance(data, dict):
        raise error(path, prefix.rstrip("."), "expected a table")
    for key in data:
        if key not in schema:
            suggestion = difflib.get_close_matches(key, schema, n=1)
            hint = f" (did you mean {suggestion[0]!r}?)" if suggestion else ""
            allowed = ", ".join(sorted(schema))
            raise error(path, prefix + key, f"unknown key{hint}; allowed: {allowed}")
    result = {}
    for key, (kind, required) in schema.items():
        if key not in data:
            if required:
                raise error(path, prefix + key, "missing required key")
            continue
        result[key] = _check(path, prefix + key, kind, data[key], kinds, error)
    return result


def _check(path, key, kind, value, kinds, error):
    if isinstance(kind, dict):
        if not isinstance(value, dict):
            raise error(path, key, "expected a table")
        return validate_table(path, value, kind, kinds, prefix=f"{key}.", error=error)
    if isinstance(kind, list):
        (item_kind,) = kind
        if not isinstance(value, list):
            raise error(path, key, "expected a list")
        return tuple(
            _check(path, f"{key}[{i}]", item_kind, item, kinds, error)
            for i, item in enumerate(value)
        )
    try:
        return kinds[kind](value)
    except Invalid as invalid:
        raise error(path, key + invalid.key, invalid.message) from invalid

"""Where uploaded media live: the local disk (``MEDIA_ROOT``), or S3-compatible object
storage when ``MEDIA_STORAGE_URL`` or ``AWS_STORAGE_BUCKET_NAME`` is set (docs/deploy.md,
"Object storage").

``MEDIA_STORAGE_URL`` is ``s3://bucket/prefix?endpoint_url=...&region=...&custom_domain=...``;
its parameters win over the ``AWS_*`` variables, which give the rest. Credentials are never
part of the URL: boto3 reads ``AWS_ACCESS_KEY_ID`` and ``AWS_SECRET_ACCESS_KEY`` (or an
instance role) itself. A URL that cannot be right stops the start-up with the reason,
never the URL itself (it may sit in a log).
"""

import re
from urllib.parse import parse_qs, unquote, urlsplit

from django.core.exceptions import ImproperlyConfigured

from .env import env

__all__ = ["media_storage"]

FILESYSTEM = {"BACKEND": "django.core.files.storage.FileSystemStorage"}
S3 = "cms.core.storage.MediaStorage"
EXAMPLE = "s3://bucket/prefix?endpoint_url=https://s3.example.be&region=eu-west-1"

# URL parameter: (AWS_* variable it replaces, django-storages option).
PARAMETERS = {
    "endpoint_url": ("AWS_S3_ENDPOINT_URL", "endpoint_url"),
    "region": ("AWS_S3_REGION_NAME", "region_name"),
    "custom_domain": ("AWS_S3_CUSTOM_DOMAIN", "custom_domain"),
    "url_protocol": ("AWS_S3_URL_PROTOCOL", "url_protocol"),
    "addressing_style": ("AWS_S3_ADDRESSING_STYLE", "addressing_style"),
}
# S3's rule for bucket names (no dots next to each other or to a hyphen, not an IP address
# is left to the server).
BUCKET = re.compile(r"[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]")
HOST = r"[A-Za-z0-9.-]+(:[0-9]{1,5})?"
CHECKS = {
    "endpoint_url": (re.compile(rf"https?://{HOST}/?"), "an http(s):// address"),
    "region": (re.compile(r"[a-z0-9-]{1,40}"), "a region name such as eu-west-1"),
    "custom_domain": (
        re.compile(rf"{HOST}(/[A-Za-z0-9._~-]+)*"),
        "a host name, without https:// (e.g. media.example.be)",
    ),
    "url_protocol": (re.compile(r"https?:?"), "http or https"),
    "addressing_style": (re.compile(r"auto|path|virtual"), "auto, path or virtual"),
}
PREFIX = re.compile(r"[A-Za-z0-9._-]+(/[A-Za-z0-9._-]+)*")


def _fail(source, reason):
    raise ImproperlyConfigured(f"{source}: {reason} (expected e.g. {EXAMPLE}).")


def _from_url(url):
    """(bucket, prefix, {parameter: value}) of ``MEDIA_STORAGE_URL``."""
    source = "MEDIA_STORAGE_URL"
    if any(ord(char) < 33 or ord(char) == 127 for char in url):
        _fail(source, "contains spaces or control characters")
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises ValueError for a port out of range
    except ValueError as error:
        _fail(source, f"is not a URL ({error})")
    if parts.scheme != "s3":
        _fail(source, f"the scheme must be s3://, not {parts.scheme or 'none'!r}")
    if parts.username is not None or parts.password is not None:
        _fail(source, "put credentials in AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY")
    if parts.fragment:
        _fail(source, "has a #fragment")
    try:
        query = parse_qs(parts.query, keep_blank_values=True, strict_parsing=bool(parts.query))
    except ValueError:
        _fail(source, "its parameters are not name=value pairs joined by &")
    unknown = sorted(set(query) - set(PARAMETERS))
    if unknown:
        _fail(source, f"unknown parameter {unknown[0]!r} (known: {', '.join(PARAMETERS)})")
    repeated = sorted(name for name, values in query.items() if len(values) > 1)
    if repeated:
        _fail(source, f"parameter {repeated[0]!r} is given more than once")
    return parts.netloc, unquote(parts.path), {name: values[0] for name, values in query.items()}


def media_storage():
    """The ``STORAGES["default"]`` entry the environment asks for."""
    url = env("MEDIA_STORAGE_URL", "")
    bucket = env("AWS_STORAGE_BUCKET_NAME", "")
    if not url and not bucket:
        return FILESYSTEM
    source, prefix = "AWS_STORAGE_BUCKET_NAME", env("AWS_LOCATION", "")
    values = {name: (env(variable, ""), variable) for name, (variable, _) in PARAMETERS.items()}
    if url:
        source, (bucket, prefix, given) = "MEDIA_STORAGE_URL", _from_url(url)
        values.update({name: (value, source) for name, value in given.items()})
    if not BUCKET.fullmatch(bucket):
        _fail(source, "the bucket name must be 3-63 lowercase letters, digits, dots or hyphens")
    prefix = prefix.strip("/")
    if prefix and (not PREFIX.fullmatch(prefix) or {".", ".."} & set(prefix.split("/"))):
        _fail(source, "the prefix may hold letters, digits, '.', '_', '-' and '/' only")
    options = {"bucket_name": bucket, "location": prefix}
    for name, (value, origin) in values.items():
        if not value:
            continue
        pattern, expected = CHECKS[name]
        if not pattern.fullmatch(value):
            _fail(origin, f"{name} must be {expected}")
        options[PARAMETERS[name][1]] = value
    if "url_protocol" in options:
        options["url_protocol"] = options["url_protocol"].rstrip(":") + ":"
    return {"BACKEND": S3, "OPTIONS": options}

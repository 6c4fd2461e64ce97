# Voordeur production image: gunicorn serving cms.wsgi with cms.settings.production.
#
#   docker build -t voordeur .
#   # release, once per deploy (not on every container start):
#   docker run --rm --env-file voordeur.env voordeur \
#       sh -c "python manage.py migrate --noinput && python manage.py sync_sites"
#   docker run -d --env-file voordeur.env -p 127.0.0.1:8000:8000 voordeur
#
# Configuration is environment only; see docs/deploy.md.

ARG PYTHON_IMAGE=python:3.11-slim


# --- Translations: compile cms/locale/*.po with GNU gettext, which the runtime does not need.
FROM ${PYTHON_IMAGE} AS locale

RUN apt-get update \
    && apt-get install -y --no-install-recommends gettext \
    && rm -rf /var/lib/apt/lists/*
COPY cms/locale /locale
RUN set -e; for po in /locale/*/LC_MESSAGES/*.po; do \
        msgfmt --check-format -o "${po%.po}.mo" "$po"; \
    done


# --- Runtime.
FROM ${PYTHON_IMAGE}

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    VIRTUAL_ENV=/opt/venv \
    PATH=/opt/venv/bin:$PATH

RUN groupadd --system --gid 10001 voordeur \
    && useradd --system --uid 10001 --gid voordeur --home-dir /app --no-create-home \
        --shell /usr/sbin/nologin voordeur \
    && python -m venv /opt/venv

WORKDIR /app

# Dependencies first, read from pyproject.toml alone, so a code change reuses this layer.
COPY pyproject.toml ./
RUN python -c "import tomllib; print('\n'.join(tomllib.load(open('pyproject.toml', 'rb'))['project']['dependencies']))" \
        > /tmp/requirements.txt \
    && pip install -r /tmp/requirements.txt \
    && rm /tmp/requirements.txt

# The application runs from /app: manage.py, sites/, themes/ and cms/ (with its compiled
# translations) sit where cms/settings/base.py expects them. The project is installed in
# editable mode so that `cms` is imported from here, never from a second copy in
# site-packages without sites/ and themes/ next to it.
COPY . .
COPY --from=locale /locale/ cms/locale/
RUN pip install --no-deps -e . \
    && rm -rf build voordeur.egg-info \
    && python -m compileall -q cms \
    && mkdir -p var /data/media \
    && chown voordeur:voordeur var /data/media

ENV DJANGO_SETTINGS_MODULE=cms.settings.production \
    STATIC_ROOT=/app/static \
    MEDIA_ROOT=/data/media

# Static files are part of the image (whitenoise serves them, hashed and compressed).
# collectstatic needs no database; the key below exists for this RUN line only.
RUN SECRET_KEY=collectstatic-only-not-a-secret python manage.py collectstatic --noinput -v0

USER 10001:10001
EXPOSE 8000

# No curl in the slim image. The request must pass host validation, so it is sent with
# Host: $HEALTHCHECK_HOST, else the first literal ALLOWED_HOSTS entry (make that a
# canonical host name, not an alias that redirects). /healthz skips the HTTPS redirect.
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
    CMD ["python", "-c", "import os, urllib.request as u; hosts = [h.strip() for h in os.environ.get('ALLOWED_HOSTS', '').split(',') if h.strip() and h.strip()[0] not in '.*']; host = os.environ.get('HEALTHCHECK_HOST') or (hosts[0] if hosts else '127.0.0.1'); u.urlopen(u.Request('http://127.0.0.1:%s/healthz' % os.environ.get('PORT', '8000'), headers={'Host': host}), timeout=4)"]

CMD ["gunicorn", "-c", "gunicorn.conf.py", "cms.wsgi:application"]

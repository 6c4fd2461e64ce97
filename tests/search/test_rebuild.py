"""``manage.py rebuild_joint_index``: a progress bar, a summary, the same index as before."""

from io import StringIO

import pytest
from django.core.management import call_command

from search.backends import get_embedded_backend

from .engine import publish_page

pytestmark = pytest.mark.django_db


def test_rebuild_restores_the_index_and_reports_per_municipality():
    page = publish_page("wervik", "Tabaksmuseum", summary="Het tabaksmuseum")
    backend = get_embedded_backend()
    before = backend.counts_by_municipality()
    backend.delete_documents([f"page:{page.pk}"])
    out, err = StringIO(), StringIO()
    call_command("rebuild_joint_index", stdout=out, stderr=err)
    assert backend.counts_by_municipality() == before
    assert backend.get_document(f"page:{page.pk}")["title"] == "Tabaksmuseum"
    report = out.getvalue()
    assert "documents/s" in report and "wervik" in report
    assert "100%" in err.getvalue() and "[####" in err.getvalue()

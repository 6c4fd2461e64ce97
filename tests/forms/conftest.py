import pytest

from .factories import make_form_page


@pytest.fixture
def form_page(db):
    return make_form_page(to_address="meldingen@kortrijk.be")


@pytest.fixture
def kortrijk(host_client):
    return host_client("kortrijk")

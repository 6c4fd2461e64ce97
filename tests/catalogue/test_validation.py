"""Costs, dates, opening hours and codes are refused with a message that says what is wrong."""

import pytest
from django.core.exceptions import ValidationError
from wagtail.blocks import StreamBlockValidationError, StructBlockValidationError

from cms.catalogue.blocks import ChannelBlock, LocalCostBlock
from cms.catalogue.models import RegionalService

from .factories import RegionalServiceFactory


def channel(**value):
    block = ChannelBlock()
    return block, block.to_python({"kind": "desk", **value})


@pytest.mark.parametrize(
    ("value", "field"),
    [
        ({"kind": "online"}, "url"),
        ({"kind": "phone"}, "phone"),
        ({"kind": "post"}, "address"),
        ({"kind": "desk"}, "location"),
    ],
)
def test_a_channel_without_what_it_needs_is_refused_on_that_field(value, field):
    block, python = channel(**value)
    with pytest.raises(StructBlockValidationError) as error:
        block.clean(python)
    assert list(error.value.block_errors) == [field]


def test_a_complete_channel_is_accepted():
    block, python = channel(kind="online", url="https://eloket.example.be/")
    assert block.clean(python)["url"] == "https://eloket.example.be/"


def test_overlapping_channel_hours_are_refused_with_the_day():
    hours = [
        {"type": "period", "value": {"weekday": "monday", "opens": "09:00", "closes": "12:00"}},
        {"type": "period", "value": {"weekday": "monday", "opens": "11:00", "closes": "13:00"}},
    ]
    block, python = channel(kind="phone", phone="056 00 00 00", hours=hours)
    with pytest.raises(StructBlockValidationError) as error:
        block.clean(python)
    hours_error = error.value.block_errors["hours"]
    assert isinstance(hours_error, StreamBlockValidationError)
    assert "monday" in str(hours_error.non_block_errors.as_data()[0].message).lower()


@pytest.mark.parametrize(
    ("value", "field"),
    [
        ({"title": "Gewoon", "amount": "-5"}, "amount"),
        ({"title": "Gewoon", "amount": "12.345"}, "amount"),
        ({"title": "", "amount": "10"}, "title"),
    ],
)
def test_a_bad_cost_is_refused_on_its_field(value, field):
    block = LocalCostBlock()
    with pytest.raises(StructBlockValidationError) as error:
        block.clean(block.to_python({"description": "", **value}))
    assert field in error.value.block_errors


@pytest.mark.django_db
def test_unknown_codes_are_refused_by_name():
    service = RegionalServiceFactory.build(themes=["BurgerOverheid", "Ruimtevaart"])
    with pytest.raises(ValidationError) as error:
        service.full_clean()
    assert "Ruimtevaart" in str(error.value.message_dict["themes"])


@pytest.mark.django_db
def test_the_same_identifier_twice_in_one_language_is_refused():
    RegionalServiceFactory(identifier="reispas")
    twin = RegionalServiceFactory.build(identifier="reispas")
    with pytest.raises(ValidationError):
        twin.full_clean()
    assert RegionalService.objects.filter(identifier="reispas").count() == 1

import datetime as dt

import pytest

from cms.core.tomlschema import ConfigError, read_toml, validate_table

SCHEMA = {
    "name": ("str", True),
    "contact": ({"email": ("email", True), "website": ("url", False)}, False),
    "costs": ([{"title": ("str", True), "amount": ("number", False)}], False),
    "tags": ("strings", False),
    "from": ("date", False),
}


def _error(data):
    with pytest.raises(ConfigError) as caught:
        validate_table("services.toml", data, SCHEMA)
    return str(caught.value)


def test_valid_data_comes_back_normalised():
    valid = validate_table(
        "services.toml",
        {
            "name": " eID ",
            "costs": [{"title": "Kaart", "amount": 21.5}],
            "tags": ["a", "b"],
            "from": dt.date(2027, 1, 1),
        },
        SCHEMA,
    )

    assert valid == {
        "name": "eID",
        "costs": ({"title": "Kaart", "amount": 21.5},),
        "tags": ("a", "b"),
        "from": dt.date(2027, 1, 1),
    }


def test_an_unknown_key_is_refused_with_a_suggestion():
    assert _error({"name": "x", "contakt": {}}) == (
        "services.toml: contakt: unknown key (did you mean 'contact'?); "
        "allowed: contact, costs, from, name, tags"
    )


def test_a_missing_key_is_named():
    assert _error({}) == "services.toml: name: missing required key"


def test_an_error_in_a_nested_table_names_the_dotted_key():
    assert _error({"name": "x", "contact": {"email": "nope"}}) == (
        "services.toml: contact.email: 'nope' is not an e-mail address"
    )


def test_an_error_in_a_list_of_tables_names_the_item():
    error = _error({"name": "x", "costs": [{"title": "a"}, {"title": "b", "amount": "21"}]})

    assert error == "services.toml: costs[1].amount: expected a number, got '21'"


def test_an_error_in_a_list_of_values_names_the_position():
    assert _error({"name": "x", "tags": ["a", ""]}) == (
        "services.toml: tags[1]: expected a non-empty string, got ''"
    )


def test_a_date_time_is_not_a_date():
    assert _error({"name": "x", "from": dt.datetime(2027, 1, 1, 9)}).startswith(
        "services.toml: from: datetime.datetime(2027, 1, 1, 9, 0) is not a date"
    )


def test_broken_toml_is_refused_with_the_file(tmp_path):
    path = tmp_path / "broken.toml"
    path.write_text('name = "unterminated\n', encoding="utf-8")

    with pytest.raises(ConfigError) as caught:
        read_toml(path)

    assert str(caught.value).startswith("broken.toml: invalid TOML: ")

import pytest

from cms.themes.colours import (
    ColourError,
    contrast_ratio,
    format_ratio,
    nearest_passing_shade,
    parse_hex,
    relative_luminance,
)


def test_grey_777_on_white_is_4_48_to_1():
    assert contrast_ratio("#777", "#fff") == pytest.approx(4.48, abs=0.005)
    assert format_ratio(contrast_ratio("#777777", "#ffffff")) == "4.48"


def test_black_on_white_is_21_to_1_in_either_order():
    assert contrast_ratio("#000000", "#ffffff") == pytest.approx(21)
    assert contrast_ratio("#fff", "#000") == pytest.approx(21)
    assert format_ratio(contrast_ratio("#000", "#fff")) == "21"


def test_a_colour_on_itself_is_1_to_1():
    assert contrast_ratio("#0b4f6c", "#0b4f6c") == pytest.approx(1)


def test_relative_luminance_follows_the_srgb_linearisation():
    assert relative_luminance("#ffffff") == pytest.approx(1)
    assert relative_luminance("#000000") == 0
    assert relative_luminance("#ff0000") == pytest.approx(0.2126)
    assert relative_luminance("#808080") == pytest.approx(0.2159, abs=0.0001)
    # Below the linear segment's threshold the channel is divided by 12.92.
    assert relative_luminance("#0a0a0a") == pytest.approx((10 / 255) / 12.92)


def test_767676_is_the_lightest_grey_with_4_5_to_1_on_white():
    assert contrast_ratio("#767676", "#ffffff") >= 4.5
    assert contrast_ratio("#777777", "#ffffff") < 4.5


@pytest.mark.parametrize(
    ("value", "normalised"),
    [("#777", "#777777"), ("#777777", "#777777"), ("#ABCDEF", "#abcdef"), (" #fff ", "#ffffff")],
)
def test_hex_colours_are_normalised(value, normalised):
    assert parse_hex(value) == normalised


@pytest.mark.parametrize(
    "value",
    ["rgb(0, 0, 0)", "red", "#12345", "#1234", "#gggggg", "777777", "hsl(0 0% 50%)", 0x777777],
)
def test_anything_but_rgb_or_rrggbb_is_refused(value):
    with pytest.raises(ColourError, match=r"is not a hex colour \(#rgb or #rrggbb\)"):
        parse_hex(value)


def test_a_failing_ratio_never_reads_as_passing():
    assert format_ratio(4.497) == "4.5"
    assert format_ratio(4.497, 4.5) == "4.49"
    assert format_ratio(3.2) == "3.2"
    assert format_ratio(2.849, 4.5) == "2.85"


@pytest.mark.parametrize("grey", ["#777777", "#888888", "#999999", "#aaaaaa"])
def test_the_nearest_passing_grey_on_white_is_767676(grey):
    assert nearest_passing_shade(grey, "#ffffff", 4.5) == "#767676"


def test_on_a_dark_background_the_nearest_shade_is_lighter_and_passes():
    shade = nearest_passing_shade("#0b4f6c", "#083a50", 3)
    assert relative_luminance(shade) > relative_luminance("#0b4f6c")
    assert contrast_ratio(shade, "#083a50") >= 3


def test_the_nearest_shade_keeps_the_hue():
    shade = parse_hex(nearest_passing_shade("#ff4040", "#ffffff", 4.5))
    red, green, blue = (int(shade[i : i + 2], 16) for i in (1, 3, 5))
    assert red > 2 * green and abs(green - blue) < 16
    assert contrast_ratio(shade, "#ffffff") >= 4.5


def test_the_nearest_shade_is_the_closer_of_darker_and_lighter():
    # Mid grey on mid grey: far darker and far lighter both pass; the darker one is closer.
    shade = nearest_passing_shade("#777777", "#777777", 3)
    assert contrast_ratio(shade, "#777777") >= 3
    assert relative_luminance(shade) < relative_luminance("#777777")


def test_a_passing_colour_is_its_own_nearest_shade():
    assert nearest_passing_shade("#1B1B1B", "#ffffff", 4.5) == "#1b1b1b"

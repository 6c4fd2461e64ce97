"""The HTML and CSS parsing of tests/benchmarks/pages.py (no server needed)."""

from tests.benchmarks import pages


def test_resources_of_a_page():
    parser = pages._Resources()
    parser.feed(
        '<link rel="icon" href="/favicon.svg"><link rel="stylesheet" href="/a.css">'
        '<script src="/b.js" defer></script><script>var x;</script>'
        "<style>@font-face{src:url('/f.woff2') format('woff2')}</style>"
        '<img src="https://cdn.example/x.png" alt="">'
    )
    assert parser.stylesheets == ["/a.css"]
    assert parser.scripts == ["/b.js"]
    assert parser.others == ["/favicon.svg", "https://cdn.example/x.png"]
    assert "@font-face" in "".join(parser.inline_css)


def test_fonts_and_urls_of_css():
    css = (
        '@import "other.css";@font-face{font-family:A;src:url("/f.woff2") format("woff2")}'
        ".x{background:url(img.png)}"
    )
    fonts, urls = pages._fonts_and_urls(css)
    assert fonts == ["/f.woff2"]
    assert set(urls) == {"/f.woff2", "img.png", "other.css"}

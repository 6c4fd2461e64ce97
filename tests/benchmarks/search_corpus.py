"""`make bench-search`: the synthetic region and the queries asked of it.

Documents over the 13 municipalities (local services of 150 regional services, news,
events, content pages), made of Dutch municipal words and a Zipf-distributed filler
vocabulary, and the fixed query set asked from every municipality.
"""

import datetime as dt
import random

__all__ = [
    "MUNICIPALITIES",
    "QUERIES",
    "SERVICES",
    "SYLLABLES",
    "WORDS",
    "document",
    "filler_words",
    "sentence",
    "synthetic_region",
]

_MUNICIPALITIES = """
anzegem avelgem deerlijk harelbeke kortrijk kuurne lendelede menen spiere-helkijn waregem
wervik wevelgem zwevegem
"""
MUNICIPALITIES = tuple(_MUNICIPALITIES.split())
# Asked from every municipality: common words, synonyms, several words, rare words, typos.
QUERIES = [
    "identiteitskaart",
    "id kaart",
    "rijbewijs verloren",
    "containerpark openingsuren",
    "recyclagepark",
    "geboorte aangeven",
    "huwelijk",
    "afval",
    "grofvuil ophalen",
    "parkeerkaart bewoners",
    "omgevingsvergunning aanvragen",
    "sociaal huis",
    "leefloon",
    "adreswijziging",
    "uittreksel strafregister",
    "bibliotheek",
    "zwembad openingsuren",
    "evenement vergunning",
    "subsidie vereniging",
    "kinderopvang",
    "wegenwerken",
    "gemeenteraad",
    "belasting tweede verblijf",
    "reispas kinderen",
    "overlijden",
    "sporthal reserveren",
    "markt",
    "kerstmarkt",
    "begraafplaats",
    "speelplein zomer",
    "identiteitskaart verloren gestolen",
    "afvalkalender",
    "hondenbelasting",
    "fietsherstelling",
    "rijbewjis",
    "containrpark",
    "bibliotheeek",
    "woonpremie renovatie",
    "zzzqqq",
    "openingsuren",
]
SERVICES = [
    "identiteitskaart",
    "kids-ID",
    "rijbewijs",
    "voorlopig rijbewijs",
    "reispas",
    "adreswijziging",
    "uittreksel strafregister",
    "geboorteaangifte",
    "huwelijk",
    "wettelijke samenwoning",
    "overlijdensaangifte",
    "omgevingsvergunning",
    "parkeerkaart",
    "bewonerskaart",
    "evenementenvergunning",
    "recyclagepark",
    "grofvuil ophalen",
    "huisvuilzakken",
    "afvalkalender",
    "leefloon",
    "kinderopvang",
    "bibliotheekabonnement",
    "zwembad",
    "sporthal reserveren",
    "woonpremie",
    "subsidie vereniging",
    "hondenbelasting",
    "begraafplaats",
    "speelpleinwerking",
    "mindervalidenkaart",
]
_WORDS = """
aanvragen aanvraag attest gemeente stad dienst burgerzaken loket afspraak openingsuren
kosten prijs betalen voorwaarden document formulier online digitaal eloket inwoner bewoner
kinderen ouders jongeren senioren vereniging onderneming handelaar straat wijk plein
centrum markt kerk school sporthal zwembad bibliotheek cultuurcentrum jeugdhuis park bos
fietspad wegenwerken omleiding parkeren verkeer veiligheid politie brandweer afval
containerpark recyclagepark huisvuil grofvuil papier karton glas pmd gft ophaling kalender
zomer winter lente herfst activiteit evenement festival concert tentoonstelling workshop
cursus inschrijven reserveren ticket gratis korting premie subsidie belasting reglement
gemeenteraad schepencollege burgemeester beslissing verslag agenda zitting nieuws melding
klacht vraag antwoord contact telefoon mail adres gemeentehuis stadhuis sociaal huis ocmw
welzijn zorg thuiszorg kinderopvang onderwijs opvang woning huren kopen bouwen verbouwen
renovatie energie isolatie zonnepanelen water riolering groen bomen natuur dieren honden
katten begraafplaats overlijden geboorte huwelijk verhuizen
"""
WORDS = _WORDS.split()
_SYLLABLES = """
ba be bi bo bu da de di do ka ke ki ko la le li lo ma me mi mo na ne ni no ra re ri ro sa
se si so ta te ti to va ve vi vo wa we wi zo
"""
SYLLABLES = _SYLLABLES.split()


def filler_words(rng, count):
    words = set()
    while len(words) < count:
        words.add("".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))))
    return sorted(words)


def sentence(rng, fillers, length):
    words = []
    for _ in range(length):
        if rng.random() < 0.06:
            words.append(rng.choice(WORDS))
        else:
            rank = min(int(rng.paretovariate(1.05)), len(fillers)) - 1
            words.append(fillers[rank])
    return " ".join(words).capitalize() + "."


def synthetic_region(count, seed=5):
    """``count`` document dicts as search.extract.document_for makes them."""
    rng = random.Random(seed)  # noqa: S311 - synthetic text, not secrets
    fillers = filler_words(rng, 30_000)
    rng.shuffle(fillers)
    docs = []
    services = [(f"svc-{i}", SERVICES[i % len(SERVICES)], i) for i in range(150)]
    for identifier, name, i in services:
        for slug in MUNICIPALITIES:
            if rng.random() < 0.75 and len(docs) < count:
                docs.append(
                    document(
                        rng,
                        fillers,
                        len(docs),
                        slug,
                        f"{name.capitalize()}" + ("" if i < 30 else f" {rng.choice(WORDS)}"),
                        "catalogue.localservicepage",
                        identifier,
                    )
                )
    kinds = ("news.newsarticlepage", "events.eventpage", "pages.contentpage")
    while len(docs) < count:
        slug = MUNICIPALITIES[len(docs) % len(MUNICIPALITIES)]
        title = " ".join(rng.choice(WORDS) for _ in range(rng.randint(2, 5))).capitalize()
        docs.append(document(rng, fillers, len(docs), slug, title, rng.choice(kinds), None))
    return docs


def document(rng, fillers, n, slug, title, kind, service):
    body = " ".join(sentence(rng, fillers, rng.randint(8, 20)) for _ in range(rng.randint(6, 12)))
    return {
        "doc_id": f"page:{n + 1}",
        "page_id": n + 1,
        "title": title,
        "summary": sentence(rng, fillers, rng.randint(8, 16)),
        "body": body,
        "keywords": [rng.choice(WORDS) for _ in range(3)] if service else [],
        "municipality": slug,
        "municipality_name": slug.capitalize(),
        "locale": "nl",
        "content_type": kind,
        "content_type_label": kind.split(".")[1],
        "themes": ["BurgerOverheid"] if service else [],
        "life_events": [],
        "url": f"https://{slug}.example/{n + 1}/",
        "date": dt.date(2026, 1, 1) + dt.timedelta(days=n % 300),
        "regional_service": service,
    }

"""Six demo news articles per municipality, one per topic, each topic in a few variants.

Besides the words of ``Local.words``, the texts may use ``{start}``: a date two weeks after
the article appeared.
"""

import datetime as dt

from cms.news.models import NewsArticlePage

from .content import PageSpec, Text, long_date

ROADWORKS = (
    Text(
        "wegenwerken-{street0}",
        "Wegenwerken in de {street0}",
        "De {street0} krijgt nieuwe riolering en een nieuw wegdek. Plaatselijk verkeer blijft "
        "mogelijk.",
        (
            (
                "p",
                "Vanaf {start} vernieuwt de {kind} samen met Fluvius de riolering en het "
                "wegdek in de {street0}. Regenwater en afvalwater worden voortaan gescheiden "
                "afgevoerd. De werken duren naar schatting vier maanden.",
            ),
            ("h2", "Omleiding"),
            (
                "p",
                "Doorgaand verkeer wordt omgeleid via de {street1}. Bewoners bereiken hun "
                "woning altijd te voet; met de wagen kan dat buiten de werkuren.",
            ),
            ("h2", "Afval ophalen"),
            (
                "p",
                "Zet uw afval op de ophaaldag aan de rand van de werfzone. De aannemer "
                "brengt het naar de ophaalwagen.",
            ),
        ),
    ),
    Text(
        "heraanleg-{street0}",
        "Heraanleg {street0}: veiliger voor fietsers",
        "De {street0} krijgt vrijliggende fietspaden, bredere voetpaden en meer bomen.",
        (
            (
                "p",
                "Na een inspraakronde met de buurt start de heraanleg van de {street0} op "
                "{start}. Fietsers krijgen aan beide kanten een vrijliggend fietspad, en er "
                "komen twintig nieuwe bomen.",
            ),
            ("h2", "Wat betekent dit voor u?"),
            (
                "ul",
                (
                    "De {street0} is afgesloten voor doorgaand verkeer; volg de omleiding via de "
                    "{street1}.",
                    "Handelaars blijven bereikbaar; de {kind} plaatst wegwijzers.",
                    "De bushalte verhuist tijdelijk naar de {street2}.",
                ),
            ),
        ),
    ),
    Text(
        "asfaltwerken-{street0}",
        "Nachtelijke asfaltwerken in de {street0}",
        "Om de hinder te beperken, wordt het nieuwe asfalt 's nachts gelegd.",
        (
            (
                "p",
                "In de nacht van {start} krijgt de {street0} een nieuwe toplaag. De "
                "werken lopen van 20 uur tot 6 uur; overdag is de straat gewoon open.",
            ),
            (
                "p",
                "Parkeer uw wagen die nacht niet in de straat. Wagens die blijven staan, "
                "worden op kosten van de eigenaar weggesleept.",
            ),
        ),
    ),
)

WASTE = (
    Text(
        "nieuwe-ophaaldagen-afval",
        "Nieuwe ophaaldagen voor restafval en pmd in {deel}",
        "Vanaf {start} komt de ophaalwagen in {deel} op een andere dag langs.",
        (
            (
                "p",
                "Imog herschikt zijn ophaalrondes om de wagens efficiënter te laten rijden. "
                "Voor de inwoners van {deel} verandert daardoor de ophaaldag van restafval en "
                "pmd vanaf {start}.",
            ),
            (
                "p",
                "Alle gezinnen krijgen een nieuwe afvalkalender in de bus. U vindt hem ook "
                "in de Recycle!-app en aan het onthaal van het {hall}.",
            ),
        ),
    ),
    Text(
        "gft-container-voor-elk-gezin",
        "Gft-container voor elk gezin",
        "Groente-, fruit- en tuinafval gaat voortaan apart in een groene container.",
        (
            (
                "p",
                "Vanaf {start} kunnen alle gezinnen in {short} hun gft-afval apart laten "
                "ophalen. Dat scheelt in de restafvalzak en levert compost op.",
            ),
            ("h2", "Hoe krijgt u een container?"),
            (
                "p",
                "Vraag uw container online aan of aan de balie van het {hall}. Wie thuis "
                "composteert, hoeft niets te doen.",
            ),
        ),
    ),
    Text(
        "grofvuil-online-aanvragen",
        "Grofvuil ophalen aan huis: nu ook online aanvragen",
        "Een ophaling van grofvuil vraagt u voortaan ook online aan.",
        (
            (
                "p",
                "Zetels, matrassen of een oude kast laten ophalen kon al via het {hall}. "
                "Vanaf {start} kan het ook online, met betaling via de app of de website.",
            ),
            ("p", "Liever telefonisch? Bel {desk_phone}; we helpen u graag verder."),
        ),
    ),
)

LIBRARY = (
    Text(
        "bibliotheek-langer-open",
        "Bibliotheek langer open op zaterdag",
        "Vanaf {start} kunt u op zaterdag langer terecht in de bibliotheek.",
        (
            (
                "p",
                "Veel lezers vroegen het, de {kind} luisterde: vanaf {start} blijft de "
                "bibliotheek van {short} op zaterdag een uur langer open.",
            ),
            (
                "p",
                "Boeken terugbrengen kan ook buiten de openingsuren, in de inleverbus "
                "aan de ingang.",
            ),
        ),
    ),
    Text(
        "gezelschapsspellen-lenen",
        "Nieuw in de bibliotheek: gezelschapsspellen lenen",
        "Meer dan tweehonderd gezelschapsspellen voor jong en oud.",
        (
            (
                "p",
                "Vanaf {start} leent u in de bibliotheek niet alleen boeken en films, "
                "maar ook gezelschapsspellen. Met uw lidkaart neemt u er twee tegelijk mee, "
                "voor drie weken.",
            ),
            ("p", "Twijfelt u welk spel bij uw gezin past? De medewerkers helpen u kiezen."),
        ),
    ),
    Text(
        "digitaal-hulppunt-bibliotheek",
        "Digitaal hulppunt in de bibliotheek",
        "Hulp nodig met itsme, e-mail of uw smartphone? Kom langs in de bibliotheek.",
        (
            (
                "p",
                "Niet iedereen is mee met het digitale. Daarom opent de bibliotheek op "
                "{start} een digitaal hulppunt: vrijwilligers helpen u met itsme, het "
                "e-loket van de {kind} of uw smartphone.",
            ),
            ("p", "Het hulppunt is gratis. U hoeft geen lid te zijn van de bibliotheek."),
        ),
    ),
)

YOUTH = (
    Text(
        "speelpleinwerking-inschrijvingen",
        "Inschrijvingen speelpleinwerking geopend",
        "Kinderen van 3 tot 14 jaar kunnen in de vakanties op het speelplein terecht.",
        (
            (
                "p",
                "De inschrijvingen voor de speelpleinwerking van de volgende schoolvakantie "
                "openen op {start}. Een dag kost 6 euro, met korting voor broers en zussen.",
            ),
            ("p", "Gezinnen met een UiTPAS met kansentarief betalen maar 20 procent."),
        ),
    ),
    Text(
        "jeugdraad-zoekt-leden",
        "Jeugdraad zoekt nieuwe leden",
        "Ben je tussen 14 en 30 en wil je mee beslissen over jeugdbeleid in {short}?",
        (
            (
                "p",
                "De jeugdraad adviseert de {kind} over alles wat jongeren aanbelangt: van "
                "fuifzalen tot speelterreinen. Op {start} is er een kennismakingsavond in "
                "{venue}.",
            ),
            ("p", "Je hoeft geen lid te zijn van een jeugdbeweging om mee te doen."),
        ),
    ),
    Text(
        "nieuwe-skatezone",
        "Nieuwe skatezone aan de sporthal",
        "Skaters, steppers en bmx'ers krijgen een eigen plek.",
        (
            (
                "p",
                "Jongeren tekenden zelf mee aan de nieuwe skatezone. Ze opent officieel op "
                "{start}, met demonstraties en een initiatie voor beginners.",
            ),
            ("p", "De skatezone is elke dag open van 9 tot 21 uur."),
        ),
    ),
)

CLIMATE = (
    Text(
        "premie-geveltuinen",
        "Premie voor geveltuinen en groendaken",
        "De {kind} betaalt mee aan meer groen tegen de gevel en op het dak.",
        (
            (
                "p",
                "Een geveltuin of groendak houdt regenwater vast en koelt de straat af in de "
                "zomer. Vanaf {start} krijgt u er een premie voor van de {kind}.",
            ),
            (
                "ul",
                (
                    "Geveltuin: de {kind} legt hem gratis aan.",
                    "Groendak: 20 euro per vierkante meter, tot 1.000 euro.",
                ),
            ),
        ),
    ),
    Text(
        "gratis-energiescan",
        "Gratis energiescan voor uw woning",
        "Een energiedeskundige toont hoe u verwarmingskosten bespaart.",
        (
            (
                "p",
                "Vanaf {start} komt een energiedeskundige op vraag gratis bij u thuis. Hij "
                "bekijkt uw dak, ramen en verwarming en zegt welke premies u kunt krijgen.",
            ),
            ("p", "Maak een afspraak via het {hall} of bel {desk_phone}."),
        ),
    ),
    Text(
        "nieuwe-laadpalen",
        "Twaalf nieuwe publieke laadpalen",
        "Elektrisch rijden wordt makkelijker in {short}.",
        (
            (
                "p",
                "Op {start} zijn twaalf nieuwe laadpalen in gebruik genomen, onder meer in "
                "de {street2} en de {street3}. Elke laadpaal heeft twee laadpunten.",
            ),
            ("p", "Laden kan met een laadkaart of met uw bankkaart."),
        ),
    ),
)

COUNCIL = (
    Text(
        "gemeenteraad-meerjarenplan",
        "Gemeenteraad keurt aanpassing meerjarenplan goed",
        "Meer geld voor fietspaden, scholen en de sporthal.",
        (
            (
                "p",
                "De gemeenteraad keurde de aanpassing van het meerjarenplan goed. De {kind} "
                "trekt extra geld uit voor veilige schoolroutes en de renovatie van de sporthal.",
            ),
            ("p", "De volgende gemeenteraad is op {start}. De zitting is openbaar."),
        ),
    ),
    Text(
        "gemeenteraad-terrassenreglement",
        "Gemeenteraad keurt nieuw terrassenreglement goed",
        "Meer ruimte voor terrassen, met voldoende plaats voor voetgangers.",
        (
            (
                "p",
                "Horeca rond de {square} mag voortaan het hele jaar een terras plaatsen. "
                "Er moet wel altijd anderhalve meter vrij blijven voor voetgangers en "
                "rolstoelgebruikers.",
            ),
            ("p", "Het reglement geldt vanaf {start}."),
        ),
    ),
    Text(
        "gemeenteraad-renovatie-sporthal",
        "Gemeenteraad geeft groen licht voor renovatie sporthal",
        "De sporthal krijgt nieuwe kleedkamers, een nieuw dak en zonnepanelen.",
        (
            (
                "p",
                "De gemeenteraad keurde het ontwerp voor de renovatie van de sporthal goed. "
                "De werken starten na {start} en duren een jaar.",
            ),
            (
                "p",
                "Clubs die er trainen, krijgen in die periode een plaats in de sporthallen "
                "van de buurgemeenten.",
            ),
        ),
    ),
)

TOPICS = (ROADWORKS, WASTE, LIBRARY, YOUTH, CLIMATE, COUNCIL)

# How many days ago the articles appeared; each municipality deals them out differently.
DAYS_AGO = (5, 12, 26, 40, 61, 88)


def news_specs(local):
    specs = []
    for topic, texts in enumerate(TOPICS):
        date = local.today - dt.timedelta(
            days=DAYS_AGO[(topic + local.index) % len(DAYS_AGO)] + local.index % 4
        )
        start = long_date(date + dt.timedelta(days=14))
        slug, title, summary, body = local.variant(texts, topic).render(local.words(start=start))
        specs.append(PageSpec(NewsArticlePage, slug, title, summary, body, fields={"date": date}))
    return specs

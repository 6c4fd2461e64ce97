"""Local facts of the 13 demo municipalities that the demo content is written from.

Plausible, not authoritative: inhabitant counts are rounded, and the addresses of
libraries and recycling parks are illustrative. Citizen-facing text is Dutch (nl-BE).
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Venue:
    """A library or recycling park: its address and which opening-hours pattern it keeps."""

    address: str
    hours: str


@dataclass(frozen=True)
class LocalEvent:
    """The one event only this municipality has."""

    slug: str
    title: str
    place: str
    summary: str
    text: str


@dataclass(frozen=True)
class LocalFacts:
    slug: str
    inhabitants: int | None
    deelgemeenten: tuple
    intro: str
    history: tuple
    streets: tuple
    square: str
    hall: str
    walk: str
    library: Venue
    recycling: Venue | None
    event: LocalEvent


FACTS = (
    LocalFacts(
        slug="anzegem",
        inhabitants=15_400,
        deelgemeenten=("Anzegem", "Gijzelbrugge", "Ingooigem", "Kaster", "Tiegem", "Vichte"),
        intro="Anzegem ligt op de glooiende overgang naar de Vlaamse Ardennen.",
        history=(
            "Het huidige Anzegem ontstond bij de fusie van 1977, toen zes dorpen samen één "
            "gemeente werden. Elk dorp hield zijn eigen kerk, kermis en verenigingen.",
            "Schrijver Stijn Streuvels woonde en werkte meer dan zestig jaar in zijn huis "
            "Het Lijsternest in Ingooigem. Vanop de Tiegemberg kijkt u ver over de Leiestreek.",
        ),
        streets=("Kouterstraat", "Vichtesteenweg", "Heirweg", "Kasterstraat"),
        square="Dorpsplein",
        hall="zaal Ter Linde",
        walk="de Tiegemberg",
        library=Venue("Kouterstraat 8", "village"),
        recycling=Venue("Nijverheidslaan 12", "small"),
        event=LocalEvent(
            slug="literaire-wandeling-streuvels",
            title="Literaire wandeling in het spoor van Stijn Streuvels",
            place="Het Lijsternest, Ingooigem",
            summary="Een gids leest voor uit het werk van Streuvels, op de plekken die hij "
            "beschreef.",
            text="De wandeling van zes kilometer vertrekt aan Het Lijsternest en loopt over "
            "holle wegen en kouters. Stevige schoenen aanbevolen.",
        ),
    ),
    LocalFacts(
        slug="avelgem",
        inhabitants=10_300,
        deelgemeenten=("Avelgem", "Bossuit", "Kerkhove", "Outrijve", "Waarmaarde"),
        intro="Avelgem ligt aan de Schelde, op de grens met Oost-Vlaanderen en Henegouwen.",
        history=(
            "Avelgem was eeuwenlang een dorp van schippers en Scheldeboeren. De Schelde "
            "bepaalde het ritme van handel, landbouw en overstromingen.",
            "In Bossuit begint het Kanaal Bossuit-Kortrijk, dat de Schelde met de Leie "
            "verbindt. Sinds 1977 vormen vijf dorpen samen de gemeente Avelgem.",
        ),
        streets=("Doorniksesteenweg", "Scheldelaan", "Leopoldstraat", "Outrijvestraat"),
        square="Markt",
        hall="zaal Scheldekant",
        walk="de Scheldemeersen",
        library=Venue("Kasteelstraat 11", "village"),
        recycling=Venue("Spinnerijstraat 3", "small"),
        event=LocalEvent(
            slug="fietstocht-langs-de-schelde",
            title="Fietstocht langs de Schelde",
            place="Aanlegsteiger Bossuit",
            summary="Een gezinsvriendelijke fietstocht van 25 kilometer over de jaagpaden.",
            text="Onderweg vertelt een gids over de scheepvaart en de sluizen van Bossuit. "
            "Halverwege is er een drankstop in Kerkhove.",
        ),
    ),
    LocalFacts(
        slug="deerlijk",
        inhabitants=12_200,
        deelgemeenten=(),
        intro="Deerlijk is een levendige woongemeente tussen Kortrijk en Waregem.",
        history=(
            "Bij de fusie van 1977 bleef Deerlijk een zelfstandige gemeente. De wijk "
            "Sint-Lodewijk groeide rond haar eigen kerk uit tot een dorp in het dorp.",
            "Vlasbewerking, textiel en later meubelmakerij brachten werk in de gemeente. "
            "Langs de Gaverbeek liggen nog sporen van dat verleden.",
        ),
        streets=("Vichtesteenweg", "Kerkstraat", "Harelbekestraat", "Sint-Lodewijkplein"),
        square="Hoogstraat",
        hall="zaal De Gaverbeek",
        walk="de Gaverbeekvallei",
        library=Venue("Hoogstraat 5", "village"),
        recycling=Venue("Industrielaan 4", "small"),
        event=LocalEvent(
            slug="rommelmarkt-sint-lodewijk",
            title="Rommelmarkt in Sint-Lodewijk",
            place="Sint-Lodewijkplein, Deerlijk",
            summary="Meer dan honderd standen rond de kerk van Sint-Lodewijk.",
            text="Een standplaats kost 5 euro voor vijf meter. Inschrijven kan tot een week "
            "op voorhand aan het onthaal van het gemeentehuis.",
        ),
    ),
    LocalFacts(
        slug="harelbeke",
        inhabitants=28_700,
        deelgemeenten=("Harelbeke", "Bavikhove", "Hulste"),
        intro="Harelbeke ligt aan de Leie, met het recreatiedomein De Gavers als groene long.",
        history=(
            "Harelbeke is een van de oudste steden van de streek. Componist Peter Benoit "
            "werd er in 1834 geboren; zijn geboortehuis is vandaag een museum.",
            "Elk voorjaar trekt de wielerklassieker E3 duizenden supporters naar de stad. "
            "In Bavikhove wordt al meer dan een eeuw bier gebrouwen.",
        ),
        streets=("Gentsesteenweg", "Stasegemsestraat", "Zuidstraat", "Eilandstraat"),
        square="Marktplein",
        hall="cultuurcentrum Het Spoor",
        walk="De Gavers",
        library=Venue("Eilandstraat 6", "town"),
        recycling=Venue("Kortrijksesteenweg 385", "town"),
        event=LocalEvent(
            slug="peter-benoit-concert",
            title="Peter Benoitconcert door de stedelijke academie",
            place="Sint-Salvatorkerk, Harelbeke",
            summary="Leerlingen en docenten brengen liederen en koorwerk van Peter Benoit.",
            text="Het concert duurt ongeveer anderhalf uur. De toegang is gratis; een vrije "
            "bijdrage gaat naar het instrumentenfonds van de academie.",
        ),
    ),
    LocalFacts(
        slug="kortrijk",
        inhabitants=80_000,
        deelgemeenten=(
            "Kortrijk",
            "Aalbeke",
            "Bellegem",
            "Bissegem",
            "Heule",
            "Kooigem",
            "Marke",
            "Rollegem",
        ),
        intro="Kortrijk is de centrumstad van Zuid-West-Vlaanderen, aan de Leie.",
        history=(
            "Op 11 juli 1302 versloegen Vlaamse milities op de Groeningekouter het Franse "
            "ridderleger: de Guldensporenslag. Het verhaal leeft voort in Kortrijk 1302.",
            "Het belfort en het begijnhof staan op de Werelderfgoedlijst van UNESCO. De "
            "Broeltorens aan de Leie herinneren aan de middeleeuwse stadsomwalling.",
        ),
        streets=("Meensesteenweg", "Sint-Denijsestraat", "Budastraat", "Overleiestraat"),
        square="Grote Markt",
        hall="zaal De Vonk",
        walk="de Leieboorden",
        library=Venue("Leiestraat 30", "city"),
        recycling=Venue("Bissegemsestraat 130", "town"),
        event=LocalEvent(
            slug="stadswandeling-kortrijk-1302",
            title="Stadswandeling: in de voetsporen van 1302",
            place="Broeltorens, Kortrijk",
            summary="Een gids neemt u mee van de Broeltorens naar de Groeningekouter.",
            text="De wandeling duurt twee uur en eindigt aan het Groeningemonument. Er "
            "zijn Nederlandstalige en Franstalige groepen.",
        ),
    ),
    LocalFacts(
        slug="kuurne",
        inhabitants=13_700,
        deelgemeenten=(),
        intro="Kuurne is een compacte gemeente net ten noorden van Kortrijk.",
        history=(
            "Kuurne bleef bij de fusie van 1977 zelfstandig. Het dorp groeide in de "
            "twintigste eeuw uit van een landbouwdorp tot een woon- en werkgemeente.",
            "Wielerliefhebbers kennen Kuurne van Kuurne-Brussel-Kuurne, de koers die elk "
            "jaar het Vlaamse voorjaar mee op gang trekt.",
        ),
        streets=("Kortrijksestraat", "Harelbeeksestraat", "Brugsesteenweg", "Ringlaan"),
        square="Marktplein",
        hall="zaal De Kubus",
        walk="de Leieboorden van Kuurne",
        library=Venue("Marktplein 14", "village"),
        recycling=Venue("Noordlaan 6", "small"),
        event=LocalEvent(
            slug="wielerquiz-kuurne",
            title="Wielerquiz: wie kent Kuurne-Brussel-Kuurne?",
            place="Zaal De Kubus, Kuurne",
            summary="Een quiz over honderd jaar koers, met oud-renners als gasten.",
            text="Ploegen van maximaal zes personen schrijven vooraf in. De opbrengst gaat "
            "naar de jeugdwerking van de plaatselijke wielerclub.",
        ),
    ),
    LocalFacts(
        slug="lendelede",
        inhabitants=6_000,
        deelgemeenten=(),
        intro="Lendelede is een landelijke gemeente tussen Kortrijk en Izegem.",
        history=(
            "Lendelede is na Spiere-Helkijn de kleinste gemeente van het arrondissement "
            "Kortrijk. Bij de fusie van 1977 bleef ze zelfstandig.",
            "Rond de kerk en de Stationsstraat ontstond het dorpscentrum; de oude "
            "spoorlijn naar Izegem is vandaag een fiets- en wandelpad.",
        ),
        streets=("Kortrijkstraat", "Izegemsestraat", "Kapelstraat", "Hulstestraat"),
        square="Dorpsplein",
        hall="zaal Lendlo",
        walk="de Lendeleedse kouters",
        library=Venue("Stationsstraat 4", "village"),
        recycling=None,
        event=LocalEvent(
            slug="boerenmarkt-lendelede",
            title="Boerenmarkt op het Dorpsplein",
            place="Dorpsplein, Lendelede",
            summary="Boeren uit de streek verkopen groenten, zuivel en vlees van eigen bodem.",
            text="Met een springkasteel voor de kinderen en soep van het huis voor wie "
            "met een eigen beker komt.",
        ),
    ),
    LocalFacts(
        slug="menen",
        inhabitants=34_000,
        deelgemeenten=("Menen", "Lauwe", "Rekkem"),
        intro="Menen is een grensstad aan de Leie, met Frankrijk aan de overkant.",
        history=(
            "Vestingbouwer Vauban maakte van Menen een versterkte stad; delen van de wallen "
            "zijn vandaag een groene wandelzone rond het centrum.",
            "Het belfort van het stadhuis staat op de Werelderfgoedlijst van UNESCO. Sinds "
            "1977 horen Lauwe en Rekkem bij de stad.",
        ),
        streets=("Rijselstraat", "Kortrijkstraat", "Ieperstraat", "Bruggestraat"),
        square="Grote Markt",
        hall="cultuurcentrum De Steiger",
        walk="de Vaubanwallen",
        library=Venue("Ieperstraat 83", "town"),
        recycling=Venue("Industrielaan 30", "town"),
        event=LocalEvent(
            slug="wandeling-vaubanvesting",
            title="Gegidste wandeling langs de Vaubanvesting",
            place="Grote Markt, Menen",
            summary="Ontdek hoe Menen eeuwenlang een vestingstad was.",
            text="De gids toont de resten van de bastions en vertelt over de belegeringen "
            "van de stad. Ook in het Frans, op aanvraag.",
        ),
    ),
    LocalFacts(
        slug="spiere-helkijn",
        inhabitants=2_100,
        deelgemeenten=("Spiere", "Helkijn"),
        intro="Spiere-Helkijn is een van de kleinste gemeenten van Vlaanderen, aan de Schelde.",
        history=(
            "Spiere en Helkijn vormen sinds 1977 samen één gemeente. Ze ligt op de "
            "taalgrens; Franstaligen kunnen er terecht in hun eigen taal.",
            "Het Spierekanaal verbond vroeger Roubaix met de Schelde. Vandaag is het een "
            "rustige plek om te wandelen en te fietsen.",
        ),
        streets=("Kanaalweg", "Helkijnstraat", "Kerkstraat", "Doornikseweg"),
        square="Oudenaardseweg",
        hall="zaal De Spierebrug",
        walk="het Spierekanaal",
        library=Venue("Oudenaardseweg 3", "small"),
        recycling=None,
        event=LocalEvent(
            slug="wandeling-spierekanaal",
            title="Wandeling langs het Spierekanaal",
            place="Sluis van Spiere",
            summary="Een rustige wandeling van acht kilometer langs het oude kanaal.",
            text="De gids vertelt over de smokkelaars en de textielschepen van weleer. "
            "Tweetalige begeleiding (Nederlands en Frans).",
        ),
    ),
    LocalFacts(
        slug="waregem",
        inhabitants=39_000,
        deelgemeenten=("Waregem", "Beveren-Leie", "Desselgem", "Sint-Eloois-Vijve"),
        intro="Waregem is een bruisende stad aan de Leie, bekend om haar paardenkoersen.",
        history=(
            "Elk jaar eind augustus komt heel Vlaanderen naar de Waregem Koerse met de "
            "Grote Steeple Chase. Het Regenboogstadion is de thuis van de voetbalclub.",
            "Beveren-Leie, Desselgem en Sint-Eloois-Vijve horen sinds 1977 bij Waregem. "
            "De textielnijverheid maakte van de stad een regionaal centrum.",
        ),
        streets=("Zuiderlaan", "Holstraat", "Stationsplein", "Roterijstraat"),
        square="Markt",
        hall="cultuurcentrum De Schakel",
        walk="de Leieboorden in Sint-Eloois-Vijve",
        library=Venue("Zuiderlaan 12", "town"),
        recycling=Venue("Kalkhoevestraat 20", "town"),
        event=LocalEvent(
            slug="open-stallendag-hippodroom",
            title="Open stallendag op de hippodroom",
            place="Hippodroom Waregem",
            summary="Een blik achter de schermen van de Waregem Koerse.",
            text="Jockeys en trainers tonen hoe een koerspaard wordt verzorgd. Kinderen "
            "kunnen een ritje maken op een pony.",
        ),
    ),
    LocalFacts(
        slug="wervik",
        inhabitants=19_000,
        deelgemeenten=("Wervik", "Geluwe"),
        intro="Wervik ligt aan de Leie, op de grens met Frankrijk.",
        history=(
            "Wervik is de tabaksstad van Vlaanderen: eeuwenlang werd hier tabak geteeld en "
            "verwerkt. Het Nationaal Tabaksmuseum vertelt dat verhaal.",
            "De gotische Sint-Medarduskerk domineert het stadsbeeld. Sinds 1977 hoort "
            "Geluwe bij Wervik.",
        ),
        streets=("Steenakker", "Koestraat", "Menenstraat", "Ieperstraat"),
        square="Sint-Maartensplein",
        hall="zaal Forum",
        walk="de Leieboorden",
        library=Venue("Koestraat 1", "village"),
        recycling=Venue("Vijverstraat 60", "small"),
        event=LocalEvent(
            slug="rondleiding-tabaksmuseum",
            title="Rondleiding in het Nationaal Tabaksmuseum",
            place="Nationaal Tabaksmuseum, Wervik",
            summary="Van tabaksplant tot sigaar: een rondleiding met oud-tabaksarbeiders.",
            text="De rondleiding duurt ongeveer anderhalf uur en eindigt met een "
            "demonstratie sigaren rollen.",
        ),
    ),
    LocalFacts(
        slug="wevelgem",
        inhabitants=32_000,
        deelgemeenten=("Wevelgem", "Gullegem", "Moorsele"),
        intro="Wevelgem is de gemeente van Gent-Wevelgem en de luchthaven van de regio.",
        history=(
            "Elk voorjaar finisht de wielerklassieker Gent-Wevelgem in de Vanackerestraat. "
            "Op de grens met Menen ligt de luchthaven Kortrijk-Wevelgem.",
            "De Duitse militaire begraafplaats in Wevelgem herinnert aan de Eerste "
            "Wereldoorlog. Gullegem en Moorsele horen sinds 1977 bij Wevelgem.",
        ),
        streets=("Kortrijkstraat", "Menenstraat", "Lauwestraat", "Moorselestraat"),
        square="Vanackerestraat",
        hall="cultuurcentrum Guldenberg",
        walk="park Bergelen",
        library=Venue("Vanackerestraat 24", "town"),
        recycling=Venue("Industrielaan 8", "town"),
        event=LocalEvent(
            slug="herdenkingswandeling",
            title="Herdenkingswandeling naar de Duitse militaire begraafplaats",
            place="Duitse militaire begraafplaats, Wevelgem",
            summary="Een stille wandeling over de sporen van de Eerste Wereldoorlog.",
            text="Een historicus vertelt over het leven achter het front in Wevelgem. De "
            "wandeling is vier kilometer en rolstoeltoegankelijk.",
        ),
    ),
    LocalFacts(
        slug="zwevegem",
        inhabitants=25_000,
        deelgemeenten=("Zwevegem", "Heestert", "Moen", "Otegem", "Sint-Denijs"),
        intro="Zwevegem ligt langs het Kanaal Bossuit-Kortrijk, tussen Leie en Schelde.",
        history=(
            "In 1880 begon Leo Leander Bekaert in Zwevegem met het maken van prikkeldraad; "
            "het bedrijf groeide uit tot een wereldspeler.",
            "De vroegere elektriciteitscentrale Transfo is vandaag een plek voor cultuur, "
            "sport en evenementen. Sinds 1977 vormen vijf dorpen samen de gemeente.",
        ),
        streets=("Otegemstraat", "Harelbekestraat", "Avelgemstraat", "Deerlijkstraat"),
        square="Blokellestraat",
        hall="Transfo",
        walk="het Kanaal Bossuit-Kortrijk",
        library=Venue("Blokellestraat 4", "town"),
        recycling=Venue("Bellegemstraat 40", "small"),
        event=LocalEvent(
            slug="industriele-erfgoeddag-transfo",
            title="Erfgoeddag op Transfo",
            place="Transfo, Zwevegem",
            summary="Rondleidingen door de oude elektriciteitscentrale en de machinezaal.",
            text="Vrijwilligers van de erfgoedkring tonen hoe de centrale de hele streek van "
            "stroom voorzag. Gratis, zonder inschrijving.",
        ),
    ),
)

FACTS_BY_SLUG = {facts.slug: facts for facts in FACTS}

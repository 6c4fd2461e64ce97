"""Children, school and leisure: childcare, sport camps, the library, lending equipment."""

from cms.catalogue.vocabularies import Audience, LifeEvent, ServiceType, Theme

from .spec import CODEX, Channels, ServiceSpec, req

UITPAS = ("UiTPAS", "https://www.uitpas.be/")
ID = "Uw identiteitskaart"

SERVICES = (
    ServiceSpec(
        "buitenschoolse-kinderopvang",
        "Buitenschoolse kinderopvang",
        short="Opvang voor schoolkinderen voor en na school, op woensdagnamiddag en in de "
        "vakanties.",
        description=(
            "De buitenschoolse kinderopvang vangt kinderen van de kleuterklas tot het zesde "
            "leerjaar op, voor en na de schooluren, op woensdagnamiddag, op schoolvrije "
            "dagen en in de schoolvakanties.",
            "Begeleiders zorgen voor spel, rust en een vieruurtje.",
        ),
        requirements=(
            req(
                "Uw kind gaat naar school",
                "Voorrang voor kinderen van werkende ouders en voor broers en zussen.",
                ("De identiteitskaart of Kids-ID van uw kind", None),
                ("Uw werkattest", "Alleen bij een tekort aan plaatsen."),
            ),
        ),
        steps=(
            ("Inschrijven", "Online, via het inschrijvingsplatform."),
            ("Intakegesprek", "Kennismaking met de begeleiders."),
            ("Factuur", "Maandelijks, per begonnen halfuur."),
        ),
        costs=(
            ("Per begonnen halfuur", "1.20", None),
            ("Vakantiedag, meer dan zes uur", "13.00", "Kansentarief met UiTPAS: 25 procent."),
        ),
        advantages=(
            ("Fiscaal attest", "De kosten zijn fiscaal aftrekbaar tot de leeftijd van 14 jaar."),
        ),
        time="Inschrijvingen voor de vakanties openen twee maanden vooraf.",
        legal=(
            (
                "Decreet van 3 mei 2019 houdende de gemeentelijke beleidsrol in de "
                "buitenschoolse opvang en activiteiten",
                CODEX,
            ),
        ),
        info=(("Opgroeien: kinderopvang", "https://www.opgroeien.be/"), UITPAS),
        themes=(Theme.WELFARE_HEALTH, Theme.EDUCATION_SCIENCE),
        events=(LifeEvent.BIRTH, LifeEvent.WORK),
        keywords="kinderopvang, naschoolse opvang, voorschoolse opvang, IBO, "
        "woensdagnamiddag, vakantieopvang, opvang schoolkinderen, BKO",
        type=ServiceType.INFRASTRUCTURE,
        channels=Channels(online="kinderopvang"),
    ),
    ServiceSpec(
        "school-inschrijven",
        "Uw kind aanmelden en inschrijven in een school",
        short="Voor de eerste inschrijving in het basis- of secundair onderwijs meldt u uw "
        "kind eerst online aan.",
        description=(
            "In de regio werken de scholen met een centraal aanmeldingssysteem. U meldt uw "
            "kind online aan voor de scholen van uw voorkeur; daarna krijgt u een ticket "
            "voor een school en schrijft u uw kind daar in.",
            "Broers en zussen en kinderen van personeel kunnen vooraf inschrijven.",
        ),
        requirements=(
            req(
                "Uw kind start het volgende schooljaar",
                "Kinderen geboren in het jaar dat ze drie worden, of die naar het secundair gaan.",
                ("Het rijksregisternummer van uw kind", None),
                ("Uw e-mailadres", "U krijgt het resultaat per e-mail."),
            ),
        ),
        steps=(
            ("Aanmelden", "Online, in de aanmeldingsperiode."),
            ("Resultaat", "U krijgt een ticket voor een school."),
            ("Inschrijven", "In de school, binnen de termijn op uw ticket."),
        ),
        costs=(("Aanmelding en inschrijving", "0.00", "Gratis."),),
        time="Het resultaat komt enkele weken na de aanmeldingsperiode.",
        legal=(("Codex Basisonderwijs en Codex Secundair Onderwijs", CODEX),),
        info=(("Onderwijs Vlaanderen: inschrijven", "https://onderwijs.vlaanderen.be/"),),
        themes=(Theme.EDUCATION_SCIENCE,),
        events=(LifeEvent.BIRTH, LifeEvent.MOVING),
        keywords="school, inschrijven, aanmelden, kleuterschool, basisschool, secundair, "
        "schoolkeuze, aanmeldingssysteem",
        type=ServiceType.ADVICE,
        channels=Channels(online="aanmelden-school"),
    ),
    ServiceSpec(
        "sportkampen",
        "Sportkampen in de vakantie",
        short="Een week sporten en spelen in de schoolvakanties, voor kinderen van 3 tot 14 jaar.",
        description=(
            "De sportdienst organiseert in de krokus-, paas- en zomervakantie sportkampen: "
            "kleutersport, omnisport, zwemmen, dans en avontuur. Gediplomeerde monitoren "
            "begeleiden de kinderen.",
            "Opvang is voorzien vanaf 8 uur en tot 17.30 uur.",
        ),
        requirements=(
            req(
                "Uw kind is tussen 3 en 14 jaar",
                "",
                ("De Kids-ID of het rijksregisternummer van uw kind", None),
            ),
        ),
        steps=(
            ("Inschrijven", "Online vanaf de openingsdatum; vol is vol."),
            ("Betalen", "Binnen acht dagen, online."),
            ("Fiscaal attest", "U krijgt het in het voorjaar."),
        ),
        costs=(
            ("Sportkamp van vijf dagen", "65.00", "Kansentarief met UiTPAS: 20 procent."),
            ("Vanaf het tweede kind", "55.00", None),
        ),
        advantages=(("Tussenkomst ziekenfonds", "Veel ziekenfondsen betalen een deel terug."),),
        time="Inschrijvingen openen drie maanden voor de vakantie.",
        legal=(("Decreet van 10 juni 2016 houdende het Vlaamse sportbeleid", CODEX),),
        info=(UITPAS,),
        audiences=(Audience.CITIZEN,),
        themes=(Theme.CULTURE_SPORT_LEISURE,),
        events=(),
        keywords="sportkamp, vakantiekamp, kamp, zomerkamp, sportdienst, kinderen, "
        "vakantie, speelplein, omnisport",
        type=ServiceType.ADVICE,
        channels=Channels(desk="hall", online="sportkampen"),
    ),
    ServiceSpec(
        "uitleendienst",
        "Uitleendienst voor materiaal",
        short="Tafels, stoelen, tenten, een podium of nadarhekken lenen voor uw feest of "
        "activiteit.",
        description=(
            "Verenigingen, scholen en inwoners kunnen materiaal van de gemeente lenen voor "
            "een activiteit: feesttenten, tafels en stoelen, podiumelementen, "
            "geluidsinstallaties, nadarhekken en verkeersborden.",
            "Erkende verenigingen lenen gratis of tegen een verminderd tarief.",
        ),
        requirements=(
            req(
                "Een activiteit in de gemeente",
                "Tijdig aangevraagd, minstens drie weken vooraf.",
                (
                    "Het ondernemingsnummer of de erkenning van uw vereniging",
                    "Voor het verenigingstarief.",
                ),
            ),
        ),
        steps=(
            ("Reserveren", "Online of aan de balie."),
            ("Afhalen of laten leveren", "Bij de technische dienst, of geleverd tegen betaling."),
            ("Terugbrengen", "Proper en volledig, op de afgesproken dag."),
        ),
        costs=(
            ("Waarborg", "50.00", "U krijgt hem terug als alles in orde is."),
            ("Huur", None, "Volgens het retributiereglement; gratis voor erkende verenigingen."),
        ),
        time="Minstens drie weken vooraf reserveren.",
        legal=(("Decreet van 22 december 2017 over het lokaal bestuur", CODEX),),
        audiences=(Audience.ASSOCIATION, Audience.CITIZEN),
        themes=(Theme.CULTURE_SPORT_LEISURE,),
        keywords="uitleendienst, materiaal lenen, tent, tafels, stoelen, podium, "
        "nadarhekken, feestmateriaal, geluidsinstallatie",
        type=ServiceType.INFRASTRUCTURE,
        channels=Channels(online="uitleendienst"),
    ),
    ServiceSpec(
        "bibliotheekabonnement",
        "Lid worden van de bibliotheek",
        short="Met een lidmaatschap leent u boeken, strips, films, spellen en e-boeken.",
        description=(
            "Lid worden van de bibliotheek kan met uw identiteitskaart; uw kaart wordt uw "
            "lenerskaart. U leent tot twintig stuks voor vier weken en verlengt online.",
            "Als lid leent u ook e-boeken en gebruikt u gratis de computers en de wifi.",
        ),
        requirements=(req("U hebt een identiteitskaart", "Kinderen komen met een ouder.", ID),),
        steps=(
            ("Inschrijven", "Aan de balie van de bibliotheek."),
            ("Lenen", "Meteen, met uw identiteitskaart."),
        ),
        costs=(
            ("Lidmaatschap", "0.00", "Gratis in de meeste bibliotheken."),
            ("Te laat teruggebracht", "0.10", "Per stuk en per dag."),
        ),
        time="Meteen.",
        legal=(("Decreet van 6 juli 2012 betreffende het lokaal cultuurbeleid", CODEX),),
        info=(("Bibliotheek.be", "https://www.bibliotheek.be/"),),
        themes=(Theme.CULTURE_SPORT_LEISURE, Theme.EDUCATION_SCIENCE),
        events=(LifeEvent.MOVING, LifeEvent.OLDER),
        keywords="bibliotheek, bib, lidkaart, lenen, boeken, e-boeken, lidmaatschap, lenerspas",
        type=ServiceType.INFRASTRUCTURE,
        channels=Channels(desk="library"),
    ),
)

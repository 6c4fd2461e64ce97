"""Driving licences, parking cards and transport."""

from cms.catalogue.vocabularies import Audience, LifeEvent, ServiceType, Theme

from .spec import CODEX, JUSTEL, Channels, ServiceSpec, req

LICENCE_DECREE = ("Koninklijk besluit van 23 maart 1998 betreffende het rijbewijs", JUSTEL)
MOBILIT = ("Rijbewijs (FOD Mobiliteit en Vervoer)", "https://mobilit.belgium.be/nl")
ID = "Uw identiteitskaart"
PHOTO = ("Een recente pasfoto in kleur", "Niet ouder dan zes maanden, volgens de ICAO-normen.")

SERVICES = (
    ServiceSpec(
        "rijbewijs",
        "Rijbewijs",
        short="Uw rijbewijs in bankkaartformaat: een eerste rijbewijs, een vervanging of "
        "een nieuwe categorie.",
        description=(
            "Geslaagd voor uw praktisch examen? Dan vraagt u uw rijbewijs aan in uw gemeente. "
            "U vraagt er ook een nieuw rijbewijs aan als het uwe verloren, gestolen of "
            "beschadigd is, of als u een categorie bijhaalt.",
            "Het rijbewijs in bankkaartformaat is tien jaar geldig. Een oud papieren "
            "rijbewijs moet tegen 2033 vervangen zijn.",
        ),
        requirements=(
            req(
                "U woont in de gemeente",
                "",
                ID,
                PHOTO,
                (
                    "Het bewijs dat u slaagde voor het praktisch examen",
                    "Bij een eerste rijbewijs of een nieuwe categorie.",
                ),
                ("Een medisch attest", "Voor vrachtwagens en bussen (groep 2)."),
            ),
        ),
        steps=(
            ("Aanvragen aan de balie", "De gemeente bestelt uw rijbewijs."),
            ("Afhalen", "Na een tot vijf werkdagen, met uw oude rijbewijs."),
        ),
        costs=(("Rijbewijs", "25.00", "De gemeente kan er een belasting bij rekenen."),),
        time="Een tot vijf werkdagen.",
        legal=(LICENCE_DECREE,),
        info=(MOBILIT,),
        themes=(Theme.MOBILITY_PUBLIC_WORKS,),
        events=(LifeEvent.MOBILITY, LifeEvent.WORK),
        keywords="rijbewijs, bankkaartmodel, rijbewijs verloren, rijbewijs vernieuwen, "
        "categorie B, praktisch examen, auto",
        type=ServiceType.PERMIT,
        popular=True,
        channels=Channels(appointment=True),
    ),
    ServiceSpec(
        "voorlopig-rijbewijs",
        "Voorlopig rijbewijs",
        short="Geslaagd voor het theorie-examen? Met een voorlopig rijbewijs oefent u met "
        "een begeleider of alleen.",
        description=(
            "Met een voorlopig rijbewijs leert u rijden op de openbare weg. Voor de auto "
            "(categorie B) zijn er twee modellen: 36 maanden met een begeleider, of 18 "
            "maanden zonder begeleider na twintig uur les in een rijschool.",
            "Het theorie-examen mag niet ouder zijn dan drie jaar.",
        ),
        requirements=(
            req(
                "U bent minstens 17 jaar en slaagde voor het theorie-examen",
                "",
                ID,
                PHOTO,
                ("Het bewijs van slagen voor het theorie-examen", None),
                ("Het attest van de rijschool", "Alleen voor het model zonder begeleider."),
            ),
            req(
                "Een begeleider",
                "Met minstens acht jaar een rijbewijs B en geen rijverbod in de voorbije drie "
                "jaar.",
                ("De identiteitskaart en het rijbewijs van de begeleider(s)", None),
            ),
        ),
        steps=(
            ("Aanvragen", "Aan de balie, met de documenten."),
            ("Afhalen", "Na een tot vijf werkdagen."),
        ),
        costs=(("Voorlopig rijbewijs", "25.00", "De gemeente kan er een belasting bij rekenen."),),
        time="Een tot vijf werkdagen.",
        legal=(
            LICENCE_DECREE,
            ("Besluit van de Vlaamse Regering over de rijopleiding en de rijexamens", CODEX),
        ),
        info=(("Rijbewijs halen (Vlaanderen)", "https://www.vlaanderen.be/"),),
        themes=(Theme.MOBILITY_PUBLIC_WORKS, Theme.EDUCATION_SCIENCE),
        events=(LifeEvent.MOBILITY,),
        keywords="voorlopig rijbewijs, leervergunning, begeleider, rijles, theorie-examen, "
        "model 36, model 18",
        type=ServiceType.PERMIT,
        channels=Channels(appointment=True),
    ),
    ServiceSpec(
        "internationaal-rijbewijs",
        "Internationaal rijbewijs",
        short="Voor sommige landen buiten Europa hebt u naast uw rijbewijs een "
        "internationaal rijbewijs nodig.",
        description=(
            "Het internationaal rijbewijs is een vertaling van uw Belgisch rijbewijs. Het is "
            "drie jaar geldig, en nooit langer dan uw Belgisch rijbewijs.",
            "Neem onderweg altijd beide rijbewijzen mee.",
        ),
        requirements=(
            req(
                "U hebt een geldig Belgisch rijbewijs",
                "",
                ID,
                ("Uw Belgisch rijbewijs", None),
                PHOTO,
            ),
        ),
        steps=(("Aanvragen aan de balie", "Het rijbewijs wordt meestal meteen gemaakt."),),
        costs=(
            ("Internationaal rijbewijs", "16.00", "De gemeente kan er een belasting bij rekenen."),
        ),
        time="Meteen of binnen enkele werkdagen.",
        legal=(
            LICENCE_DECREE,
            ("Verdrag inzake het wegverkeer, Wenen, 8 november 1968", JUSTEL),
        ),
        info=(MOBILIT,),
        themes=(Theme.MOBILITY_PUBLIC_WORKS,),
        events=(LifeEvent.TRAVEL, LifeEvent.MOBILITY),
        keywords="internationaal rijbewijs, rijbewijs buitenland, huurauto, reizen, "
        "vakantie, Verenigde Staten",
        type=ServiceType.PERMIT,
    ),
    ServiceSpec(
        "parkeerkaart-handicap",
        "Parkeerkaart voor personen met een handicap",
        short="Met de Europese parkeerkaart parkeert u op de voorbehouden plaatsen en vaak gratis.",
        description=(
            "De parkeerkaart voor personen met een handicap wordt toegekend door de FOD "
            "Sociale Zekerheid, na een medisch onderzoek. De gemeente helpt u met de "
            "aanvraag.",
            "De kaart is persoonlijk: u mag ze gebruiken in elke wagen waarmee u zelf rijdt "
            "of vervoerd wordt.",
        ),
        requirements=(
            req(
                "Uw mobiliteit is ernstig beperkt",
                "Dat wordt beoordeeld door de artsen van de FOD Sociale Zekerheid.",
                ID,
                ("Medische verslagen", "Als u die al hebt."),
            ),
        ),
        steps=(
            (
                "Aanvraag",
                "Online via MyHandicap, of met de hulp van de sociale dienst of de balie.",
            ),
            ("Medisch onderzoek", "Als de FOD dat nodig vindt."),
            ("Kaart per post", "De FOD stuurt de kaart naar uw huis."),
        ),
        costs=(("Parkeerkaart", "0.00", "Gratis."),),
        time="Ongeveer drie maanden.",
        legal=(
            (
                "Ministerieel besluit van 7 mei 1999 betreffende de parkeerkaart voor personen "
                "met een handicap",
                JUSTEL,
            ),
        ),
        info=(("MyHandicap (FOD Sociale Zekerheid)", "https://myhandicap.belgium.be/"),),
        themes=(Theme.MOBILITY_PUBLIC_WORKS, Theme.WELFARE_HEALTH),
        events=(LifeEvent.OLDER, LifeEvent.MOBILITY),
        keywords="parkeerkaart, gehandicaptenkaart, invalidenkaart, handicap, "
        "mindervalidenparking, parkeren, rolstoel",
        type=ServiceType.OBJECT,
        channels=Channels(online_url="https://myhandicap.belgium.be/", online_name="MyHandicap"),
    ),
    ServiceSpec(
        "parkeerkaart-bewoners",
        "Bewonerskaart",
        short="Woont u in een zone met betalend parkeren of een blauwe zone? Met een "
        "bewonerskaart parkeert u in uw eigen straat.",
        description=(
            "Met een bewonerskaart parkeert u zonder tijdsbeperking en zonder te betalen in "
            "de zone waar u woont.",
            "De kaart hoort bij een nummerplaat en is een jaar geldig.",
        ),
        requirements=(
            req(
                "U woont in een zone met parkeerregeling",
                "U staat ingeschreven op een adres in de zone.",
                ID,
                ("Het inschrijvingsbewijs van het voertuig", None),
                ("Een attest van uw werkgever", "Voor een bedrijfs- of leasewagen."),
            ),
        ),
        steps=(
            ("Aanvragen", "Online of aan de balie."),
            (
                "Digitale kaart",
                "De kaart wordt gekoppeld aan uw nummerplaat; controle gebeurt met scanwagens.",
            ),
        ),
        costs=(("Bewonerskaart", None, "Het tarief verschilt per gemeente."),),
        time="Binnen twee werkdagen.",
        legal=(
            (
                "Ministerieel besluit van 9 januari 2007 betreffende de gemeentelijke parkeerkaart",
                JUSTEL,
            ),
            ("Wegcode (koninklijk besluit van 1 december 1975), artikel 27", JUSTEL),
        ),
        themes=(Theme.MOBILITY_PUBLIC_WORKS,),
        events=(LifeEvent.MOVING, LifeEvent.MOBILITY),
        keywords="bewonerskaart, parkeerkaart bewoners, parkeervergunning, blauwe zone, "
        "betalend parkeren, buurtparkeren",
        type=ServiceType.PERMIT,
        channels=Channels(online="bewonerskaart"),
    ),
    ServiceSpec(
        "taxivergunning",
        "Vergunning voor taxi- en personenvervoer",
        short="Wie mensen vervoert tegen betaling, heeft een vergunning voor individueel "
        "bezoldigd personenvervoer nodig.",
        description=(
            "Sinds 2020 is er in Vlaanderen één vergunning voor taxi's, limousines en "
            "vervoer via apps. U vraagt ze aan in de gemeente waar uw onderneming gevestigd "
            "is.",
        ),
        requirements=(
            req(
                "Uw onderneming is ingeschreven in de Kruispuntbank van Ondernemingen",
                "",
                ("Uw ondernemingsnummer", None),
                ("Een uittreksel uit het strafregister van de bestuurders", None),
                ("Het inschrijvingsbewijs en keuringsbewijs van elk voertuig", None),
            ),
        ),
        steps=(
            ("Aanvraag indienen", "Bij de dienst mobiliteit."),
            ("Beslissing van het college", "Binnen drie maanden."),
        ),
        costs=(("Vergunning", None, "Een jaarlijkse belasting per voertuig, per gemeente."),),
        time="Tot drie maanden.",
        legal=(
            (
                "Decreet van 29 maart 2019 betreffende het individueel bezoldigd personenvervoer",
                CODEX,
            ),
        ),
        audiences=(Audience.BUSINESS,),
        themes=(Theme.MOBILITY_PUBLIC_WORKS, Theme.ECONOMY_WORK),
        events=(LifeEvent.BUSINESS,),
        keywords="taxi, taxivergunning, personenvervoer, chauffeur, limousine, IBPV",
        type=ServiceType.PERMIT,
        channels=Channels(phone=False),
    ),
    ServiceSpec(
        "minder-mobielen-centrale",
        "Minder Mobielen Centrale",
        short="Vrijwilligers rijden inwoners die moeilijk met de bus of de trein kunnen, "
        "tegen een kleine vergoeding.",
        description=(
            "De Minder Mobielen Centrale brengt mensen die minder mobiel zijn en een laag "
            "inkomen hebben naar de dokter, de winkel of familie. Vrijwilligers rijden met "
            "hun eigen wagen.",
            "U wordt lid en belt minstens twee werkdagen vooraf voor een rit.",
        ),
        requirements=(
            req(
                "U kunt moeilijk met het openbaar vervoer",
                "Door uw leeftijd, een ziekte of een handicap, en u hebt een bescheiden inkomen.",
                ID,
                ("Uw aanslagbiljet van de personenbelasting", None),
            ),
        ),
        steps=(
            ("Lid worden", "Bij het sociaal huis of lokaal dienstencentrum."),
            ("Rit aanvragen", "Bel minstens twee werkdagen vooraf."),
        ),
        costs=(
            ("Lidmaatschap", "12.00", "Per jaar."),
            ("Rit", "0.40", "Per kilometer, te betalen aan de chauffeur."),
        ),
        time="Ritten op afspraak, minstens twee werkdagen vooraf.",
        legal=(("Decreet van 26 april 2019 betreffende de basisbereikbaarheid", CODEX),),
        info=(("Minder Mobielen Centrales (Taxistop)", "https://www.taxistop.be/"),),
        themes=(Theme.MOBILITY_PUBLIC_WORKS, Theme.WELFARE_HEALTH),
        events=(LifeEvent.OLDER, LifeEvent.MOBILITY),
        keywords="vervoer, senioren, minder mobiel, vrijwillige chauffeur, rit, "
        "mindermobielencentrale, MMC",
        type=ServiceType.ADVICE,
        channels=Channels(),
    ),
)

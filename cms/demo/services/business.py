"""Entrepreneurs and organisers: starting a business, market pitches, events."""

from cms.catalogue.vocabularies import Audience, LifeEvent, ServiceType, Theme

from .spec import JUSTEL, Channels, ServiceSpec, req

AMBULANT_ACT = (
    "Wet van 25 juni 1993 betreffende de uitoefening en de organisatie van ambulante en "
    "kermisactiviteiten",
    JUSTEL,
)
VLAIO = ("Agentschap Innoveren en Ondernemen (VLAIO)", "https://www.vlaio.be/")

SERVICES = (
    ServiceSpec(
        "onderneming-starten",
        "Een onderneming starten",
        short="Advies van het ondernemersloket van de gemeente: van uw idee tot de "
        "inschrijving in de Kruispuntbank van Ondernemingen.",
        description=(
            "Wie een zaak begint, schrijft zich in bij een erkend ondernemingsloket. Dat "
            "geeft u een ondernemingsnummer in de Kruispuntbank van Ondernemingen en, als "
            "het moet, een btw-nummer.",
            "Het ondernemersloket van de gemeente helpt u op weg: welke vergunningen u "
            "nodig hebt, waar u zich kunt vestigen, welke premies er zijn en wie u kan "
            "begeleiden.",
        ),
        requirements=(
            req(
                "U hebt een ondernemingsplan",
                "Voor sommige beroepen moet u ook uw beroepskennis bewijzen.",
                "Uw identiteitskaart",
                ("Uw plannen: activiteit, plaats, startdatum", None),
            ),
        ),
        steps=(
            ("Gesprek met het ondernemersloket", "Op afspraak, gratis."),
            (
                "Inschrijving bij een erkend ondernemingsloket",
                "Het geeft u een ondernemingsnummer.",
            ),
            ("Sociaal verzekeringsfonds", "Als zelfstandige sluit u zich aan vóór de start."),
        ),
        costs=(
            ("Advies van de gemeente", "0.00", "Gratis."),
            (
                "Inschrijving in de Kruispuntbank",
                "105.50",
                "Aan het erkende ondernemingsloket; geïndexeerd.",
            ),
        ),
        time="Advies binnen een week; de inschrijving meestal dezelfde dag.",
        legal=(
            (
                "Wetboek van economisch recht, Boek III, titel 2: Kruispuntbank van Ondernemingen",
                JUSTEL,
            ),
        ),
        info=(VLAIO,),
        audiences=(Audience.BUSINESS, Audience.CITIZEN),
        themes=(Theme.ECONOMY_WORK,),
        events=(LifeEvent.BUSINESS, LifeEvent.WORK),
        keywords="onderneming starten, zelfstandige worden, zaak beginnen, "
        "ondernemingsnummer, KBO, btw, ondernemersloket, handelszaak, starter",
        type=ServiceType.ADVICE,
        channels=Channels(appointment=True, online="ondernemersloket"),
    ),
    ServiceSpec(
        "standplaats-markt",
        "Standplaats op de markt",
        short="Een vaste of losse standplaats op de wekelijkse markt voor ambulante handelaars.",
        description=(
            "Op de wekelijkse markt kunt u een standplaats krijgen met een abonnement voor "
            "een heel jaar of per marktdag. Vrije plaatsen worden toegewezen in volgorde van "
            "aanvraag.",
            "Losse plaatsen worden op de marktdag door de marktleider toegewezen.",
        ),
        requirements=(
            req(
                "U hebt een machtiging voor ambulante activiteiten",
                "Die krijgt u bij een erkend ondernemingsloket.",
                ("Uw machtiging ambulante activiteiten (leurkaart)", None),
                ("Een attest van uw verzekering burgerlijke aansprakelijkheid", None),
                ("Het certificaat van het FAVV", "Voor wie voeding verkoopt."),
            ),
        ),
        steps=(
            ("Aanvraag", "Met het formulier en de stukken."),
            ("Toewijzing", "Per kandidatenlijst; u krijgt bericht als er een plaats vrij is."),
        ),
        costs=(
            (
                "Standplaatsgeld",
                None,
                "Per lopende meter en per marktdag, volgens het marktreglement.",
            ),
        ),
        time="Afhankelijk van de vrije plaatsen.",
        legal=(
            AMBULANT_ACT,
            (
                "Koninklijk besluit van 24 september 2006 betreffende de uitoefening en de "
                "organisatie van ambulante activiteiten",
                JUSTEL,
            ),
        ),
        info=(VLAIO,),
        audiences=(Audience.BUSINESS,),
        themes=(Theme.ECONOMY_WORK,),
        events=(LifeEvent.BUSINESS,),
        keywords="markt, standplaats, marktkramer, ambulante handel, leurkaart, "
        "foodtruck, wekelijkse markt, abonnement",
        type=ServiceType.PERMIT,
        channels=Channels(post=True),
    ),
    ServiceSpec(
        "evenementenvergunning",
        "Evenement organiseren",
        short="Een fuif, buurtfeest, sportwedstrijd of optreden? Vraag ten laatste twee "
        "maanden vooraf een toelating.",
        description=(
            "Wie een evenement organiseert op het openbaar domein of in een zaal met "
            "publiek, meldt dat aan de gemeente. Met één aanvraag regelt u de toelating, het "
            "gebruik van de straat, de signalisatie en de nodige adviezen van politie en "
            "brandweer.",
            "Voor muziek betaalt u auteursrechten via Unisono en de billijke vergoeding; "
            "schenkt u sterke drank, dan hebt u een aparte vergunning nodig.",
        ),
        requirements=(
            req(
                "Ten laatste twee maanden vooraf aangevraagd",
                "Voor grote evenementen met meer dan 1.000 bezoekers: vier maanden.",
                ("Een inplantingsplan", None),
                ("Een veiligheidsplan", "Voor evenementen met meer dan 500 bezoekers."),
                ("Een verzekering burgerlijke aansprakelijkheid", None),
            ),
        ),
        steps=(
            ("Aanvraag", "Via het evenementenloket van de gemeente."),
            ("Advies", "Politie, brandweer en de betrokken diensten geven advies."),
            ("Beslissing", "Het college of de burgemeester beslist."),
        ),
        costs=(("Aanvraag", "0.00", "Gratis; het gebruik van materiaal kan betalend zijn."),),
        time="Vier tot acht weken.",
        legal=(
            ("Nieuwe Gemeentewet, artikelen 119 en 135", JUSTEL),
            (
                "Wet van 28 december 1983 betreffende de vergunning voor het verstrekken van "
                "sterke drank",
                JUSTEL,
            ),
        ),
        info=(("Unisono: muziek op uw evenement", "https://www.unisono.be/"),),
        audiences=(Audience.CITIZEN, Audience.ASSOCIATION, Audience.BUSINESS),
        themes=(Theme.CULTURE_SPORT_LEISURE,),
        events=(),
        keywords="evenement, fuif, buurtfeest, straatfeest, optreden, festival, "
        "evenementenloket, toelating, sterke drank, wielerwedstrijd",
        type=ServiceType.PERMIT,
        channels=Channels(online="evenement"),
    ),
)

"""Citizenship: becoming Belgian, voting by proxy, changing one's first name."""

from cms.catalogue.vocabularies import LifeEvent, ServiceType, Theme

from .spec import JUSTEL, Channels, ServiceSpec, req

SERVICES = (
    ServiceSpec(
        "nationaliteitsverklaring",
        "Belg worden (nationaliteitsverklaring)",
        short="Woont u hier lang genoeg, dan kunt u de Belgische nationaliteit aanvragen bij "
        "de ambtenaar van de burgerlijke stand.",
        description=(
            "Met een nationaliteitsverklaring vraagt u de Belgische nationaliteit aan. De "
            "ambtenaar van de burgerlijke stand controleert uw dossier; het parket kan binnen "
            "vier maanden een negatief advies geven.",
        ),
        requirements=(
            req(
                "U bent meerderjarig en woont hier wettig",
                "Na vijf jaar wettig verblijf met bewijs van taalkennis, sociale integratie en "
                "economische participatie, of na tien jaar.",
                "Uw identiteitskaart of verblijfskaart",
                "Uw geboorteakte",
                ("Bewijs van kennis van het Nederlands, Frans of Duits", "Niveau A2."),
                (
                    "Bewijs van integratie en werk",
                    "Bijvoorbeeld een inburgeringsattest en loonfiches.",
                ),
            ),
        ),
        steps=(
            ("Afspraak maken", "De dienst burgerlijke stand overloopt uw dossier."),
            ("Verklaring afleggen", "U betaalt het registratierecht en tekent de verklaring."),
            ("Advies van het parket", "Zonder negatief advies binnen vier maanden bent u Belg."),
        ),
        costs=(("Registratierecht", "150.00", None),),
        time="Ongeveer vier maanden.",
        legal=(("Wetboek van de Belgische nationaliteit, artikel 12bis", JUSTEL),),
        info=(
            (
                "Belg worden (Agentschap Integratie en Inburgering)",
                "https://www.integratie-inburgering.be/",
            ),
        ),
        themes=(Theme.CITIZEN_GOVERNMENT,),
        events=(LifeEvent.MOVING,),
        keywords="nationaliteit, Belg worden, naturalisatie, Belgische nationaliteit",
        channels=Channels(appointment=True),
    ),
    ServiceSpec(
        "verkiezingen-volmacht",
        "Stemmen bij volmacht",
        short="Kunt u niet gaan stemmen? Geef dan een volmacht aan een andere kiezer.",
        description=(
            "Wie op de verkiezingsdag niet kan stemmen door ziekte, werk, studie, een reis of "
            "een andere reden, laat een andere kiezer voor hem stemmen met een volmacht.",
            "Elke kiezer kan maar één volmacht krijgen.",
        ),
        requirements=(
            req(
                "Een geldige reden met een attest",
                "",
                ("Het volmachtformulier", "Te krijgen aan de balie of online."),
                (
                    "Een attest",
                    "Een medisch attest, een verklaring van uw werkgever of school, "
                    "of een bewijs van uw reis.",
                ),
            ),
        ),
        steps=(
            ("Formulier invullen", "U en de volmachtdrager tekenen."),
            (
                "Stemmen",
                "De volmachtdrager neemt zijn eigen oproepingsbrief, uw "
                "oproepingsbrief, de volmacht, het attest en zijn identiteitskaart mee.",
            ),
        ),
        costs=(("Volmacht", "0.00", "Gratis."),),
        legal=(("Kieswetboek, artikel 147bis", JUSTEL),),
        info=(("Verkiezingen (Vlaanderen)", "https://www.vlaanderenkiest.be/"),),
        themes=(Theme.CITIZEN_GOVERNMENT,),
        events=(LifeEvent.OLDER,),
        keywords="volmacht, stemmen, verkiezingen, stembrief, niet kunnen stemmen, kiezen",
        channels=Channels(online="volmacht", post=True),
    ),
    ServiceSpec(
        "voornaamswijziging",
        "Voornaam veranderen",
        short="Een nieuwe voornaam aanvragen bij de ambtenaar van de burgerlijke stand.",
        description=(
            "Belgen kunnen hun voornaam laten veranderen bij de gemeente. U kunt een voornaam "
            "toevoegen, weglaten of vervangen, en de volgorde veranderen.",
            "Een voornaam die tot verwarring kan leiden of iemand kan schaden, wordt geweigerd.",
        ),
        requirements=(
            req(
                "U bent Belg of erkend vluchteling",
                "Een minderjarige vanaf 12 jaar doet de aanvraag samen met de ouders.",
                "Uw identiteitskaart",
                ("Uw motivatie", "Een korte schriftelijke uitleg van uw vraag."),
            ),
        ),
        steps=(
            ("Aanvraag indienen", "Op afspraak bij de burgerlijke stand."),
            ("Beslissing", "De ambtenaar beslist binnen drie maanden."),
            ("Nieuwe identiteitskaart", "Na de beslissing vraagt u een nieuwe kaart aan."),
        ),
        costs=(
            (
                "Voornaamswijziging",
                "490.00",
                "Het maximum; elke gemeente bepaalt het "
                "eigen bedrag. Voor transgender personen ten hoogste 10 procent.",
            ),
        ),
        time="Tot drie maanden.",
        legal=(
            (
                "Wet van 18 juni 2018 houdende bepalingen inzake burgerlijk recht (hervorming "
                "voornaamswijziging)",
                JUSTEL,
            ),
        ),
        themes=(Theme.CITIZEN_GOVERNMENT,),
        keywords="naamswijziging, voornaam, naam veranderen, voornaam wijzigen, transgender",
        type=ServiceType.PERMIT,
        channels=Channels(appointment=True),
    ),
)

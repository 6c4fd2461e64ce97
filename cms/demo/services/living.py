"""Building and living: permits, premiums, the public domain, social support and work."""

from cms.catalogue.vocabularies import Audience, LifeEvent, ServiceType, Theme

from .spec import CODEX, JUSTEL, Channels, ServiceSpec, req

PERMIT_DECREE = (
    "Decreet van 25 april 2014 betreffende de omgevingsvergunning",
    CODEX,
)
VCRO = ("Vlaamse Codex Ruimtelijke Ordening", CODEX)
OMGEVINGSLOKET = "https://omgevingsloket.omgeving.vlaanderen.be/"
ONLINE_PERMIT = Channels(online_url=OMGEVINGSLOKET, online_name="Omgevingsloket", appointment=True)
ID = "Uw identiteitskaart"

SERVICES = (
    ServiceSpec(
        "omgevingsvergunning",
        "Omgevingsvergunning",
        short="Voor bouwen, verbouwen, slopen, een functiewijziging of een bedrijf met "
        "milieu-impact hebt u een omgevingsvergunning nodig.",
        description=(
            "De omgevingsvergunning is de ene vergunning voor bouwen en milieu. U vraagt ze "
            "online aan via het Omgevingsloket; voor de meeste werken maakt een architect "
            "het dossier.",
            "Kleine werken zijn vrijgesteld of volstaan met een melding. Vraag bij twijfel "
            "raad aan de dienst omgeving voor u begint.",
        ),
        additional=(
            "Tijdens het openbaar onderzoek kunnen buren bezwaar indienen. Na de beslissing "
            "hangt u de gele affiche uit; pas na 30 dagen zonder beroep mag u beginnen.",
        ),
        requirements=(
            req(
                "Een volledig dossier",
                "Met plannen, foto's en een beschrijvende nota.",
                (
                    "De plannen van een architect",
                    "Niet nodig voor kleine werken zonder stabiliteitsrisico.",
                ),
                ("De EPB-startverklaring", "Voor nieuwbouw en ingrijpende renovatie."),
            ),
        ),
        steps=(
            ("Vooroverleg", "Bespreek uw plannen met de dienst omgeving."),
            ("Aanvraag indienen", "Via het Omgevingsloket."),
            ("Openbaar onderzoek", "Bij de gewone procedure, 30 dagen."),
            ("Beslissing", "Door het college van burgemeester en schepenen."),
        ),
        costs=(("Dossiertaks", None, "Het bedrag verschilt per gemeente en per soort aanvraag."),),
        time="60 dagen in de vereenvoudigde procedure, 105 tot 120 dagen in de gewone.",
        legal=(PERMIT_DECREE, VCRO),
        info=(("Omgevingsloket", OMGEVINGSLOKET),),
        audiences=(Audience.CITIZEN, Audience.BUSINESS),
        themes=(Theme.BUILDING_HOUSING, Theme.ENVIRONMENT_ENERGY),
        events=(LifeEvent.BUILDING,),
        keywords="bouwvergunning, omgevingsvergunning, verbouwen, bouwen, slopen, "
        "milieuvergunning, melding, architect, bouwaanvraag",
        type=ServiceType.PERMIT,
        channels=ONLINE_PERMIT,
    ),
    ServiceSpec(
        "kapvergunning",
        "Bomen kappen",
        short="Voor het kappen van een hoogstammige boom hebt u meestal een vergunning nodig.",
        description=(
            "Een boom die op een meter hoogte een stamomtrek van meer dan een meter heeft, "
            "mag u meestal niet zonder omgevingsvergunning kappen. De gemeente kan "
            "heraanplant opleggen.",
            "Een dode of gevaarlijke boom kan de gemeente met voorrang beoordelen.",
        ),
        requirements=(
            req(
                "Een aanvraag met foto's",
                "",
                ("Foto's van de boom", None),
                ("Een plannetje met de plaats van de boom", None),
            ),
        ),
        steps=(
            ("Aanvraag", "Via het Omgevingsloket."),
            ("Plaatsbezoek", "Door de groendienst."),
            ("Beslissing", "Door het college."),
        ),
        costs=(("Aanvraag", "0.00", "In de meeste gemeenten gratis."),),
        time="Tot 60 dagen.",
        legal=(
            PERMIT_DECREE,
            (
                "Besluit van de Vlaamse Regering van 16 juli 2010 tot "
                "bepaling van stedenbouwkundige handelingen waarvoor geen "
                "omgevingsvergunning nodig is",
                CODEX,
            ),
        ),
        info=(("Omgevingsloket", OMGEVINGSLOKET),),
        themes=(Theme.ENVIRONMENT_ENERGY, Theme.BUILDING_HOUSING),
        events=(LifeEvent.BUILDING,),
        keywords="boom kappen, kapvergunning, bomen vellen, hoogstam, heraanplant, tuin",
        type=ServiceType.PERMIT,
        channels=ONLINE_PERMIT,
    ),
    ServiceSpec(
        "premie-energiezuinige-renovatie",
        "Premie voor energiezuinig renoveren",
        short="Premies voor dakisolatie, hoogrendementsbeglazing, een warmtepomp en "
        "zonneboiler: van Vlaanderen en soms ook van de gemeente.",
        description=(
            "Met Mijn VerbouwPremie vraagt u één premie aan bij Vlaanderen voor isolatie, "
            "beglazing, ventilatie, warmtepompen en andere energiezuinige werken.",
            "Veel gemeenten geven er een eigen premie bovenop. Het Energiehuis helpt u "
            "gratis met advies en met de aanvraag.",
        ),
        requirements=(
            req(
                "De werken zijn uitgevoerd door een aannemer",
                "De premie vraagt u aan na de eindfactuur, ten laatste binnen twee jaar.",
                ("De eindfactuur", None),
                ("Het attest van de aannemer", "Met de technische gegevens van de werken."),
            ),
        ),
        steps=(
            ("Advies vragen", "Bij het Energiehuis, voor u de werken laat uitvoeren."),
            ("Vlaamse premie", "Aanvragen via Mijn VerbouwPremie."),
            ("Gemeentelijke premie", "Na de Vlaamse beslissing, met dezelfde stukken."),
        ),
        advantages=(
            ("Mijn VerbouwPremie", "Het bedrag hangt af van de werken en van uw inkomen."),
            (
                "Gemeentelijke aanvulling",
                "Een vast bedrag of een percentage bovenop de "
                "Vlaamse premie, volgens het reglement van uw gemeente.",
            ),
        ),
        time="De Vlaamse premie binnen enkele maanden; de gemeentelijke daarna.",
        legal=(
            ("Besluit van de Vlaamse Regering van 4 juni 2021 over de Mijn VerbouwPremie", CODEX),
        ),
        info=(("Mijn VerbouwPremie", "https://www.mijnverbouwpremie.be/"),),
        themes=(Theme.BUILDING_HOUSING, Theme.ENVIRONMENT_ENERGY),
        events=(LifeEvent.BUILDING,),
        keywords="premie, renovatiepremie, isolatie, dakisolatie, warmtepomp, "
        "mijn verbouwpremie, energiepremie, zonnepanelen, beglazing",
        type=ServiceType.FINANCIAL_ADVANTAGE,
        channels=Channels(online="energiepremie", appointment=True),
    ),
    ServiceSpec(
        "inname-openbaar-domein",
        "Inname van het openbaar domein",
        short="Een container, stelling of verhuislift op straat of het voetpad? Vraag "
        "vooraf een toelating.",
        description=(
            "Wie de straat, het voetpad of een parkeerstrook tijdelijk gebruikt voor een "
            "container, een stelling, een verhuislift of werfmateriaal, vraagt vooraf een "
            "toelating aan de gemeente.",
            "De politie legt vast welke signalisatie nodig is; de gemeente plaatst de "
            "verkeersborden of u huurt ze.",
        ),
        requirements=(
            req(
                "Vijf werkdagen vooraf aangevraagd",
                "Bij een afsluiting van de straat: minstens vier weken vooraf.",
                ("Het adres en de oppervlakte", None),
                ("De periode", "Dagen en uren."),
            ),
        ),
        steps=(
            ("Aanvraag", "Online of aan de balie."),
            ("Signalisatievergunning", "De politie bepaalt de signalisatie."),
            ("Borden plaatsen", "Minstens 48 uur vooraf."),
        ),
        costs=(
            (
                "Retributie",
                None,
                "Per vierkante meter en per dag, volgens het gemeentelijk reglement.",
            ),
        ),
        time="Vijf werkdagen.",
        legal=(
            ("Nieuwe Gemeentewet, artikel 135, § 2", JUSTEL),
            ("Wegcode (koninklijk besluit van 1 december 1975), artikel 78", JUSTEL),
        ),
        audiences=(Audience.CITIZEN, Audience.BUSINESS),
        themes=(Theme.MOBILITY_PUBLIC_WORKS,),
        events=(LifeEvent.MOVING, LifeEvent.BUILDING),
        keywords="container, verhuislift, stelling, signalisatie, parkeerverbod, "
        "openbaar domein, voetpad, verhuizen, borden",
        type=ServiceType.PERMIT,
        channels=Channels(online="openbaar-domein"),
    ),
    ServiceSpec(
        "leefloon",
        "Leefloon",
        short="Een minimuminkomen van het OCMW voor wie niet genoeg middelen heeft om "
        "menswaardig te leven.",
        description=(
            "Het leefloon is een inkomen van het OCMW voor wie geen of te weinig inkomen "
            "heeft en er ook niet op een andere manier aan kan komen. De maatschappelijk "
            "werker van het sociaal huis bekijkt samen met u uw situatie.",
            "Het bedrag hangt af van uw gezinssituatie: samenwonend, alleenstaand of met een "
            "gezin ten laste. De bedragen worden geïndexeerd.",
        ),
        exceptions=(
            "Studenten en jongeren onder 25 jaar tekenen een geïndividualiseerd project voor "
            "maatschappelijke integratie.",
        ),
        requirements=(
            req(
                "U woont in België en hebt er verblijfsrecht",
                "",
                ID,
                (
                    "Bewijzen van uw inkomen en bezittingen",
                    "Loonfiches, uitkeringen, rekeninguittreksels.",
                ),
                ("Uw huurcontract", None),
            ),
            req(
                "U bent bereid om te werken",
                "Tenzij dat om gezondheids- of billijkheidsredenen niet kan.",
            ),
        ),
        steps=(
            ("Aanvraag", "In het sociaal huis van uw gemeente."),
            ("Sociaal onderzoek", "Een maatschappelijk werker komt op huisbezoek."),
            ("Beslissing", "Binnen 30 dagen; u krijgt de beslissing schriftelijk."),
        ),
        advantages=(("Leefloon", "Een maandelijks bedrag, geïndexeerd."),),
        time="Binnen 30 dagen na de aanvraag.",
        legal=(
            ("Wet van 26 mei 2002 betreffende het recht op maatschappelijke integratie", JUSTEL),
        ),
        info=(("POD Maatschappelijke Integratie", "https://www.mi-is.be/nl"),),
        themes=(Theme.WELFARE_HEALTH, Theme.ECONOMY_WORK),
        events=(LifeEvent.WORK,),
        keywords="leefloon, OCMW, bestaansminimum, uitkering, sociaal huis, geen inkomen, "
        "financiële hulp, steun",
        type=ServiceType.FINANCIAL_ADVANTAGE,
        channels=Channels(appointment=True),
    ),
    ServiceSpec(
        "mantelzorgpremie",
        "Mantelzorgpremie",
        short="Een premie van de gemeente voor wie thuis zorgt voor een familielid of "
        "buur met een zorgnood.",
        description=(
            "Een mantelzorger zorgt vrijwillig en langdurig voor iemand met een ziekte, een "
            "handicap of een hoge leeftijd. Als waardering geeft de gemeente een premie.",
        ),
        requirements=(
            req(
                "De zorgbehoevende woont in de gemeente",
                "Met een erkende zorgnood, bijvoorbeeld een zorgbudget voor zwaar zorgbehoevenden.",
                ("Het attest van de zorgnood", None),
                ("Het rekeningnummer van de mantelzorger", None),
            ),
        ),
        steps=(
            ("Aanvraag", "Met het formulier, in het sociaal huis of online."),
            ("Uitbetaling", "Elk kwartaal of jaarlijks."),
        ),
        advantages=(
            ("Mantelzorgpremie", "Een vast bedrag per maand, volgens het gemeentelijk reglement."),
        ),
        time="Binnen een maand na de aanvraag.",
        legal=(("Decreet van 18 mei 2018 houdende de Vlaamse sociale bescherming", CODEX),),
        info=(("Vlaamse sociale bescherming", "https://www.vlaamsesocialebescherming.be/"),),
        themes=(Theme.WELFARE_HEALTH,),
        events=(LifeEvent.OLDER,),
        keywords="mantelzorg, mantelzorgpremie, zorg, zorgbudget, thuiszorg, senioren, "
        "ouderen, premie",
        type=ServiceType.FINANCIAL_ADVANTAGE,
        channels=Channels(online="mantelzorgpremie"),
    ),
    ServiceSpec(
        "hulp-bij-werk-zoeken",
        "Hulp bij werk zoeken",
        short="Begeleiding naar werk: uw cv, sollicitaties, opleidingen en vacatures in de buurt.",
        description=(
            "In het jobpunt van de gemeente helpen medewerkers van de VDAB en het sociaal "
            "huis u bij het zoeken naar werk. U kunt er gratis computers gebruiken en "
            "vacatures bekijken.",
            "Wie moeilijk werk vindt, kan een traject volgen met een jobcoach of een "
            "opleiding op de werkvloer.",
        ),
        requirements=(
            req(
                "U zoekt werk",
                "Ingeschreven bij de VDAB of niet.",
                ID,
                ("Uw cv, als u er een hebt", None),
            ),
        ),
        steps=(
            ("Langskomen", "Tijdens de openingsuren of op afspraak."),
            ("Plan opmaken", "Met een begeleider."),
        ),
        costs=(("Begeleiding", "0.00", "Gratis."),),
        legal=(
            (
                "Decreet van 7 mei 2004 tot oprichting van de Vlaamse Dienst voor "
                "Arbeidsbemiddeling en Beroepsopleiding",
                CODEX,
            ),
        ),
        info=(("VDAB", "https://www.vdab.be/"),),
        themes=(Theme.ECONOMY_WORK,),
        events=(LifeEvent.WORK,),
        keywords="werk zoeken, vacatures, jobs, VDAB, sollicitatie, cv, jobpunt, "
        "werkwinkel, opleiding, werkloos",
        type=ServiceType.ADVICE,
        channels=Channels(appointment=True),
    ),
)

"""Civil status: birth, recognition, marriage, cohabitation, death and last wishes."""

from cms.catalogue.vocabularies import LifeEvent, ServiceType, Theme

from .spec import CODEX, JUSTEL, Channels, ServiceSpec, req

CIVIL_CODE_ACTS = (
    "Oud Burgerlijk Wetboek, Boek I, Titel II: Akten van de burgerlijke stand",
    JUSTEL,
)
CIVIL_STATUS_REFORM = (
    "Wet van 18 juni 2018 houdende bepalingen inzake burgerlijk recht (modernisering van "
    "de burgerlijke stand)",
    JUSTEL,
)
COHABITATION = ("Oud Burgerlijk Wetboek, artikelen 1475 tot 1479", JUSTEL)
BURIAL_DECREE = (
    "Decreet van 16 januari 2004 op de begraafplaatsen en de lijkbezorging",
    CODEX,
)
ID = "Uw identiteitskaart"
BOTH_IDS = "De identiteitskaarten van beide partners"

SERVICES = (
    ServiceSpec(
        "geboorteaangifte",
        "Aangifte van een geboorte",
        short="Een geboorte geeft u binnen vijftien dagen aan in de gemeente waar uw kind "
        "geboren is.",
        description=(
            "Na de geboorte stuurt het ziekenhuis het medisch attest elektronisch naar de "
            "gemeente. Een ouder doet daarna de aangifte bij de ambtenaar van de burgerlijke "
            "stand; die maakt de geboorteakte op.",
            "Bij de aangifte kiezen de ouders de familienaam van hun kind: die van de vader, "
            "van de moeder, of beide in de volgorde die zij kiezen.",
        ),
        additional=(
            "De gemeente geeft de geboorte door aan het Rijksregister, het ziekenfonds en het "
            "Groeipakket; u hoeft daar zelf niets voor te doen.",
        ),
        requirements=(
            req(
                "Binnen vijftien dagen na de geboorte",
                "De dag na de geboorte telt als eerste dag.",
                ("De identiteitskaart van de ouder(s)", None),
                (
                    "Het medisch attest van de geboorte",
                    "Bij een thuisbevalling: het attest van de vroedvrouw of arts.",
                ),
                (
                    "De erkenningsakte",
                    "Als de vader zijn kind vóór de geboorte erkende en de "
                    "ouders niet getrouwd zijn.",
                ),
            ),
        ),
        steps=(
            ("Afspraak maken", "In sommige gemeenten kan de aangifte ook in het ziekenhuis."),
            ("Aangifte en naamkeuze", "Aan de balie van de burgerlijke stand."),
            ("Uittreksel van de geboorteakte", "U krijgt het meteen mee."),
        ),
        costs=(("Aangifte", "0.00", "Gratis."),),
        time="Meteen.",
        legal=(CIVIL_CODE_ACTS, CIVIL_STATUS_REFORM),
        info=(("Groeipakket: kinderbijslag in Vlaanderen", "https://www.groeipakket.be/"),),
        themes=(Theme.CITIZEN_GOVERNMENT, Theme.WELFARE_HEALTH),
        events=(LifeEvent.BIRTH,),
        keywords="geboorte, baby, bevalling, geboorteakte, naamkeuze, familienaam, "
        "aangifte geboorte, pasgeboren",
        type=ServiceType.PROOF,
        channels=Channels(appointment=True),
    ),
    ServiceSpec(
        "erkenning-kind",
        "Erkenning van een kind",
        short="Ouders die niet getrouwd zijn, erkennen hun kind bij de ambtenaar van de "
        "burgerlijke stand, vóór of na de geboorte.",
        description=(
            "Met een erkenning wordt de band tussen een ouder en een kind wettelijk "
            "vastgelegd. Zijn de ouders niet getrouwd, dan moet de vader of meemoeder het "
            "kind erkennen.",
            "Dat kan tijdens de zwangerschap (prenatale erkenning), bij de geboorteaangifte "
            "of later, in elke Belgische gemeente.",
        ),
        requirements=(
            req(
                "De moeder stemt in",
                "Is het kind twaalf jaar of ouder, dan moet het ook zelf instemmen.",
                BOTH_IDS,
                (
                    "Een medisch attest van de zwangerschap",
                    "Alleen bij een erkenning vóór "
                    "de geboorte; met de vermoedelijke bevallingsdatum.",
                ),
            ),
        ),
        steps=(
            ("Afspraak maken", "Beide ouders komen samen."),
            ("Verklaring en akte", "De ambtenaar stelt de erkenningsakte op."),
        ),
        costs=(("Erkenning", "0.00", "Gratis."),),
        time="Meteen, tenzij de ambtenaar een onderzoek laat doen.",
        legal=(("Oud Burgerlijk Wetboek, artikelen 327/1 tot 330", JUSTEL), CIVIL_STATUS_REFORM),
        themes=(Theme.CITIZEN_GOVERNMENT,),
        events=(LifeEvent.BIRTH, LifeEvent.MARRIAGE),
        keywords="erkenning, erkennen, prenatale erkenning, vaderschap, meemoeder, "
        "ongehuwde ouders",
        channels=Channels(appointment=True),
    ),
    ServiceSpec(
        "huwelijk",
        "Trouwen",
        short="Wie wil trouwen, doet eerst een huwelijksaangifte in de gemeente waar een van "
        "beide partners woont.",
        description=(
            "U trouwt voor de ambtenaar van de burgerlijke stand in de gemeente waar een van "
            "u beiden ingeschreven is. Eerst doet u samen een huwelijksaangifte; de gemeente "
            "kijkt na of u mag trouwen.",
            "Getuigen zijn niet verplicht: u mag er tot vier meebrengen.",
        ),
        exceptions=(
            "Trouwt u in het buitenland, dan regelt u dat met het land waar u trouwt. De "
            "akte laat u nadien registreren.",
        ),
        requirements=(
            req(
                "U bent allebei minstens 18 jaar en niet getrouwd",
                "Een vorig huwelijk moet ontbonden zijn.",
                BOTH_IDS,
            ),
            req(
                "Documenten van een partner die niet in België geboren is",
                "De gemeente zoekt Belgische akten zelf op.",
                ("Een gelegaliseerd afschrift van de geboorteakte", None),
                ("Een bewijs van ongehuwde staat", "Uit het land van herkomst."),
            ),
        ),
        steps=(
            ("Datum vastleggen", "Reserveer de datum en het uur."),
            (
                "Huwelijksaangifte",
                "Ten vroegste zes maanden en ten laatste veertien dagen "
                "voor de huwelijksdatum, samen aan de balie.",
            ),
            ("Plechtigheid", "In het gemeentehuis of een andere trouwlocatie van de gemeente."),
        ),
        costs=(
            ("Huwelijksplechtigheid op weekdagen", "0.00", None),
            ("Trouwboekje", "25.00", "Optioneel."),
        ),
        time="De aangifte ten minste veertien dagen voor het huwelijk.",
        legal=(("Oud Burgerlijk Wetboek, artikelen 63 tot 76 en 144 tot 226", JUSTEL),),
        themes=(Theme.CITIZEN_GOVERNMENT,),
        events=(LifeEvent.MARRIAGE,),
        keywords="trouwen, huwelijk, huwelijksaangifte, trouwzaal, trouwboekje, ceremonie, "
        "getuigen, trouwdatum",
        type=ServiceType.PROOF,
        popular=True,
        channels=Channels(appointment=True, online="trouwdatum"),
    ),
    ServiceSpec(
        "wettelijke-samenwoning",
        "Wettelijke samenwoning",
        short="Met een verklaring van wettelijke samenwoning krijgt u als koppel of als "
        "gezinsleden een wettelijke bescherming.",
        description=(
            "Twee personen die samenwonen, een koppel maar ook bijvoorbeeld een broer en een "
            "zus, kunnen een verklaring van wettelijke samenwoning afleggen. Ze beschermt de "
            "gezinswoning en regelt een deel van het erfrecht.",
            "Een notaris kan u helpen om uw afspraken vast te leggen in een "
            "samenlevingsovereenkomst.",
        ),
        requirements=(
            req(
                "U woont samen op hetzelfde adres",
                "U bent allebei meerderjarig en niet getrouwd of wettelijk samenwonend met "
                "iemand anders.",
                BOTH_IDS,
            ),
        ),
        steps=(
            ("Verklaring afleggen", "Samen, aan de balie van de burgerlijke stand."),
            ("Registratie", "De gemeente zet de verklaring in het bevolkingsregister."),
        ),
        costs=(("Verklaring", "20.00", "Het bedrag verschilt per gemeente."),),
        time="Meteen.",
        legal=(COHABITATION,),
        info=(("Wettelijk samenwonen (notaris.be)", "https://www.notaris.be/"),),
        themes=(Theme.CITIZEN_GOVERNMENT,),
        events=(LifeEvent.MARRIAGE,),
        keywords="samenwonen, wettelijk samenwonen, samenlevingscontract, "
        "samenwoningsverklaring, partner",
        channels=Channels(appointment=True),
    ),
    ServiceSpec(
        "wettelijke-samenwoning-beeindigen",
        "Wettelijke samenwoning beëindigen",
        short="Een wettelijke samenwoning beëindigt u samen of alleen, met een verklaring "
        "bij de gemeente.",
        description=(
            "Een wettelijke samenwoning eindigt door een gezamenlijke of eenzijdige "
            "verklaring, door een huwelijk of door een overlijden.",
            "Bij een eenzijdige verklaring laat de gemeente binnen acht dagen een "
            "gerechtsdeurwaarder de andere partner op de hoogte brengen.",
        ),
        requirements=(req("U woont wettelijk samen", "", ID),),
        steps=(
            ("Verklaring afleggen", "Samen of alleen, aan de balie."),
            (
                "Betekening",
                "Bij een eenzijdige verklaring: door een gerechtsdeurwaarder, op uw kosten.",
            ),
        ),
        costs=(
            ("Verklaring", "20.00", "Het bedrag verschilt per gemeente."),
            ("Gerechtsdeurwaarder", None, "Alleen bij een eenzijdige verklaring."),
        ),
        time="Meteen.",
        legal=(COHABITATION,),
        themes=(Theme.CITIZEN_GOVERNMENT,),
        events=(LifeEvent.MARRIAGE, LifeEvent.MOVING),
        keywords="einde samenwoning, stopzetten samenwoning, scheiden, uit elkaar, "
        "beëindiging wettelijke samenwoning",
        channels=Channels(appointment=True),
    ),
    ServiceSpec(
        "overlijdensaangifte",
        "Aangifte van een overlijden",
        short="Een overlijden wordt aangegeven in de gemeente waar de persoon overleed, "
        "meestal door de begrafenisondernemer.",
        description=(
            "Na een overlijden stelt een arts het overlijden vast. De aangifte gebeurt in "
            "de gemeente van overlijden, meestal door de begrafenisondernemer in naam van de "
            "familie.",
            "De gemeente maakt de overlijdensakte op en geeft de toelating om te begraven of "
            "te cremeren.",
        ),
        additional=(
            "De gemeente verwittigt zelf het Rijksregister, de pensioendienst en het "
            "ziekenfonds. Banken en verzekeraars verwittigt u zelf.",
        ),
        requirements=(
            req(
                "Het overlijden is vastgesteld door een arts",
                "",
                ("Het attest van overlijden", "Van de arts (model IIIC of IIID)."),
                ("De identiteitskaart van de overledene", None),
            ),
        ),
        steps=(
            ("Aangifte", "Door de begrafenisondernemer of een familielid."),
            (
                "Akte en uittreksels",
                "U krijgt uittreksels van de overlijdensakte voor banken en verzekeraars.",
            ),
            (
                "Toelating tot begraven of cremeren",
                "De ambtenaar van de burgerlijke stand geeft ze na de aangifte.",
            ),
        ),
        costs=(("Aangifte", "0.00", "Gratis."),),
        time="Meteen.",
        legal=(CIVIL_CODE_ACTS, BURIAL_DECREE),
        info=(("Wat te doen bij een overlijden (Vlaanderen)", "https://www.vlaanderen.be/"),),
        themes=(Theme.CITIZEN_GOVERNMENT,),
        events=(LifeEvent.DEATH,),
        keywords="overlijden, sterfgeval, overlijdensakte, begrafenisondernemer, "
        "uitvaart, aangifte overlijden",
        channels=Channels(appointment=False),
    ),
    ServiceSpec(
        "begraving-en-crematie",
        "Begraven en cremeren",
        short="Begraving op een gemeentelijke begraafplaats, een plaats in het columbarium "
        "of uitstrooiing van de as.",
        description=(
            "De gemeente beheert de begraafplaatsen. U kiest een begraving in volle grond, in "
            "een grafkelder, de bijzetting van een urne in een urnenveld of columbarium, of "
            "de uitstrooiing van de as op de strooiweide.",
            "Wie een plaats voor lange tijd wil, vraagt een concessie aan. Na cremeren mag de "
            "as ook thuis bewaard of op een andere plaats uitgestrooid worden.",
        ),
        additional=(
            "Via een laatste wilsbeschikking kunt u bij de gemeente laten vastleggen hoe u "
            "begraven of gecremeerd wilt worden.",
        ),
        requirements=(
            req(
                "Een toelating tot begraven of cremeren",
                "Gegeven bij de aangifte van het overlijden.",
                ("De toelating van de ambtenaar van de burgerlijke stand", None),
            ),
        ),
        steps=(
            ("Keuze bespreken", "Met de begrafenisondernemer en de dienst begraafplaatsen."),
            ("Concessie aanvragen", "Als u dat wenst, voor 20 tot 50 jaar."),
            ("Begraving of bijzetting", "De gemeente maakt het graf of de nis klaar."),
        ),
        costs=(
            ("Begraving of uitstrooiing van een inwoner", "0.00", None),
            ("Concessie", None, "Het tarief verschilt per gemeente en per duur."),
        ),
        time="Binnen enkele dagen na het overlijden.",
        legal=(BURIAL_DECREE,),
        info=(("Begraven en cremeren (Vlaanderen)", "https://www.vlaanderen.be/"),),
        themes=(Theme.CITIZEN_GOVERNMENT, Theme.BUILDING_HOUSING),
        events=(LifeEvent.DEATH,),
        keywords="begraafplaats, kerkhof, concessie, columbarium, urne, strooiweide, "
        "crematie, asverstrooiing, graf, laatste wilsbeschikking",
        type=ServiceType.INFRASTRUCTURE,
        channels=Channels(),
    ),
    ServiceSpec(
        "wilsverklaring-euthanasie",
        "Wilsverklaring euthanasie",
        short="Leg vast dat u euthanasie wilt als u onomkeerbaar buiten bewustzijn bent.",
        description=(
            "Met een voorafgaande wilsverklaring vraagt u een arts om euthanasie toe te "
            "passen als u door een ongeval of ziekte onomkeerbaar buiten bewustzijn raakt.",
            "U laat de verklaring registreren in de gemeente, zodat artsen ze kunnen "
            "raadplegen. Ze is onbeperkt geldig; u kunt ze altijd intrekken of aanpassen.",
        ),
        exceptions=(
            "Een wilsverklaring geldt niet voor dementie: zolang u bij bewustzijn bent, vraagt "
            "u euthanasie zelf aan uw arts.",
        ),
        requirements=(
            req(
                "U bent meerderjarig of ontvoogd",
                "",
                ID,
                (
                    "Het ingevulde formulier",
                    "Ondertekend door u en twee meerderjarige "
                    "getuigen; minstens één van hen heeft geen materieel belang bij uw "
                    "overlijden.",
                ),
            ),
        ),
        steps=(
            ("Formulier invullen", "Samen met uw getuigen; bespreek het met uw arts."),
            ("Registreren", "Breng het formulier naar de balie van de gemeente."),
        ),
        costs=(("Registratie", "0.00", "Gratis."),),
        time="Meteen.",
        legal=(("Wet van 28 mei 2002 betreffende de euthanasie", JUSTEL),),
        info=(("LEIF, LevensEinde InformatieForum", "https://www.leif.be/"),),
        themes=(Theme.WELFARE_HEALTH,),
        events=(LifeEvent.OLDER, LifeEvent.DEATH),
        keywords="euthanasie, wilsverklaring, levenseinde, negatieve wilsverklaring, palliatief",
        channels=Channels(),
    ),
    ServiceSpec(
        "orgaandonatie",
        "Orgaandonatie",
        short="Laat registreren dat u na uw overlijden uw organen wilt afstaan, of juist niet.",
        description=(
            "In België is iedereen na zijn overlijden donor, tenzij hij zich daartegen verzet "
            "heeft. Met een uitdrukkelijke toestemming maakt u uw keuze duidelijk voor uw "
            "familie.",
            "U registreert uw keuze bij de gemeente, bij uw huisarts of online. U kunt ook "
            "laten registreren dat u uw lichaam aan de wetenschap schenkt.",
        ),
        requirements=(req("U staat in het Rijksregister", "", ID),),
        steps=(
            ("Keuze registreren", "Aan de balie, bij uw huisarts of online."),
            ("Keuze aanpassen", "Dat kan altijd, op dezelfde manier."),
        ),
        costs=(("Registratie", "0.00", "Gratis."),),
        time="Meteen.",
        legal=(
            ("Wet van 13 juni 1986 betreffende het wegnemen en transplanteren van organen", JUSTEL),
        ),
        info=(
            ("Beldonor", "https://www.beldonor.be/"),
            ("Mijn Gezondheid", "https://www.mijngezondheid.belgie.be/"),
        ),
        themes=(Theme.WELFARE_HEALTH,),
        events=(LifeEvent.OLDER, LifeEvent.DEATH),
        keywords="orgaandonatie, donor, organen, weefsels, lichaam aan de wetenschap, "
        "donorregistratie",
        channels=Channels(
            online_url="https://www.mijngezondheid.belgie.be/", online_name="Mijn Gezondheid"
        ),
    ),
)

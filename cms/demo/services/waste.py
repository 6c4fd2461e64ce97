"""Household waste: bulky waste, the recycling park, the collection calendar and bags."""

from cms.catalogue.vocabularies import Audience, LifeEvent, ServiceType, Theme

from .spec import CODEX, Channels, ServiceSpec, req

MATERIALS_DECREE = (
    "Decreet van 23 december 2011 betreffende het duurzaam beheer van materiaalkringlopen "
    "en afvalstoffen (Materialendecreet)",
    CODEX,
)
VLAREMA = (
    "Vlaams reglement voor het duurzaam beheer van materiaalkringlopen en afvalstoffen (VLAREMA)",
    CODEX,
)
IMOG = ("Imog, afvalintercommunale van Zuid-West-Vlaanderen", "https://www.imog.be/")
RECYCLE_APP = ("Recycle!-app van Fost Plus", "https://www.recycleapp.be/")
HOUSEHOLDS = (Audience.CITIZEN,)

SERVICES = (
    ServiceSpec(
        "grofvuil-ophalen",
        "Grofvuil laten ophalen",
        short="Grote stukken huisvuil die niet in de vuilniszak passen, laten ophalen aan "
        "huis op afspraak.",
        description=(
            "Grofvuil is afval dat te groot is voor de restafvalzak of -container: een "
            "versleten zetel, een matras, een kapotte kast. Imog haalt het op afspraak aan "
            "huis op.",
            "Is het nog bruikbaar? De Kringwinkel haalt herbruikbare meubels en toestellen "
            "gratis op.",
        ),
        additional=(
            "Grofvuil kunt u ook zelf naar het recyclagepark brengen; daar betaalt u per kilo.",
        ),
        exceptions=(
            "Niet met het grofvuil: bouwpuin, asbest, elektrische toestellen, autobanden en "
            "snoeiafval. Die brengt u naar het recyclagepark.",
        ),
        requirements=(
            req(
                "Het grofvuil staat klaar op de ophaaldag",
                "Voor 7 uur, aan de straatkant, zonder het voetpad te versperren.",
                ("Een lijst van de stukken", "Bij de aanvraag, met een schatting van het volume."),
            ),
        ),
        steps=(
            ("Ophaling aanvragen", "Online of telefonisch; u krijgt een datum."),
            ("Betalen", "Vooraf, online of met de overschrijving die u krijgt."),
            ("Buitenzetten", "Op de afgesproken dag."),
        ),
        costs=(("Ophaling aan huis", "25.00", "Per ophaling, tot 3 m³."),),
        time="Binnen twee tot drie weken.",
        legal=(MATERIALS_DECREE, VLAREMA),
        info=(IMOG,),
        audiences=HOUSEHOLDS,
        themes=(Theme.ENVIRONMENT_ENERGY,),
        events=(LifeEvent.MOVING,),
        keywords="grofvuil, grof huisvuil, ophaling, meubels, matras, zetel, afval ophalen, "
        "sofa, kast",
        type=ServiceType.INFRASTRUCTURE,
        popular=True,
        channels=Channels(desk="", online_url="https://www.imog.be/", online_name="Imog"),
    ),
    ServiceSpec(
        "toegang-recyclagepark",
        "Toegang tot het recyclagepark",
        short="Met uw identiteitskaart brengt u gesorteerd afval naar het recyclagepark.",
        description=(
            "In het recyclagepark brengt u afval dat niet met de gewone ophaling mee mag: "
            "grofvuil, snoeiafval, bouwpuin, hout, metalen, elektrische toestellen en "
            "gevaarlijk afval.",
            "Bij de ingang scant u uw identiteitskaart. Sommige soorten afval zijn gratis, "
            "voor andere betaalt u per kilo bij het buitenrijden.",
        ),
        exceptions=("Bedrijven en verenigingen gebruiken een aparte toegangskaart.",),
        requirements=(
            req(
                "U woont in een gemeente van Imog",
                "",
                ("Uw identiteitskaart", "Ze wordt gescand bij de ingang."),
                ("Een bankkaart", "Betalen kan alleen elektronisch."),
            ),
            req(
                "Uw afval is gesorteerd",
                "Sorteer thuis al per soort; dat spaart tijd en geld.",
            ),
        ),
        steps=(
            ("Identiteitskaart scannen", "Aan de slagboom."),
            ("Wegen en lossen", "Betalend afval wordt gewogen op de weegbrug."),
            ("Betalen", "Bij het buitenrijden, met een bankkaart."),
        ),
        costs=(
            ("Papier, glas, metalen, textiel, elektrische toestellen", "0.00", "Gratis."),
            ("Grofvuil", "0.20", "Per kilo."),
            ("Bouw- en sloopafval", "0.06", "Per kilo."),
        ),
        time="Meteen, tijdens de openingsuren.",
        legal=(MATERIALS_DECREE, VLAREMA),
        info=(IMOG,),
        audiences=HOUSEHOLDS,
        themes=(Theme.ENVIRONMENT_ENERGY,),
        events=(LifeEvent.BUILDING, LifeEvent.MOVING),
        keywords="recyclagepark, containerpark, stort, afval wegbrengen, snoeiafval, "
        "bouwpuin, asbest, openingsuren recyclagepark",
        type=ServiceType.INFRASTRUCTURE,
        popular=True,
        channels=Channels(desk="recycling", phone=False),
    ),
    ServiceSpec(
        "afvalkalender",
        "Afvalkalender",
        short="Wanneer restafval, pmd, papier en karton en gft opgehaald worden in uw straat.",
        description=(
            "De afvalkalender toont de ophaaldagen in uw straat. U vindt hem online, in de "
            "Recycle!-app, of u krijgt hem op papier in de gemeente.",
            "Zet uw afval buiten voor 6 uur op de ophaaldag, of de avond ervoor na 20 uur.",
        ),
        requirements=(req("U woont in de gemeente", "", ("Uw straat en huisnummer", None)),),
        steps=(
            ("Kalender opzoeken", "Online of in de Recycle!-app, met uw adres."),
            ("Herinnering instellen", "De app verwittigt u de avond voor de ophaling."),
        ),
        costs=(("Afvalkalender", "0.00", "Gratis."),),
        time="Meteen.",
        legal=(MATERIALS_DECREE,),
        info=(RECYCLE_APP, IMOG),
        audiences=HOUSEHOLDS,
        themes=(Theme.ENVIRONMENT_ENERGY,),
        events=(LifeEvent.MOVING,),
        keywords="afvalkalender, ophaaldagen, huisvuil, pmd, papier, karton, gft, "
        "ophaling, wanneer vuilniszakken buiten",
        type=ServiceType.ADVICE,
        channels=Channels(online="afvalkalender"),
    ),
    ServiceSpec(
        "huisvuilzakken",
        "Huisvuilzakken en pmd-zakken",
        short="Waar u zakken voor restafval en pmd koopt, en hoeveel ze kosten.",
        description=(
            "Restafval en pmd (plastic verpakkingen, metalen verpakkingen en "
            "drankkartons) worden opgehaald in de officiële zakken van Imog.",
            "U koopt ze per rol in de supermarkt, bij de meeste buurtwinkels en aan het "
            "onthaal van de gemeente.",
        ),
        additional=(
            "Gezinnen met een laag inkomen, onthaalouders en personen met incontinentie "
            "kunnen gratis zakken krijgen; vraag ernaar bij het sociaal huis.",
        ),
        steps=(
            ("Zakken kopen", "Per rol, in de winkel of aan het onthaal."),
            ("Buitenzetten", "Op de ophaaldag volgens de afvalkalender."),
        ),
        costs=(
            ("Rol van 10 restafvalzakken van 60 liter", "20.00", None),
            ("Rol van 20 pmd-zakken", "3.00", None),
        ),
        time="Meteen.",
        legal=(MATERIALS_DECREE, VLAREMA),
        info=(IMOG,),
        audiences=HOUSEHOLDS,
        themes=(Theme.ENVIRONMENT_ENERGY,),
        events=(LifeEvent.MOVING,),
        keywords="vuilniszakken, huisvuilzakken, restafvalzak, pmd-zak, blauwe zak, "
        "vuilzakken kopen, gratis vuilniszakken",
        type=ServiceType.OBJECT,
        channels=Channels(phone=False),
    ),
)

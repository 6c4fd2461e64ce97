"""How each demo municipality offers the regional services: its prices, e-loket, desk habits
and the services its editors opted out of. Plausible, not the real tariffs."""

from dataclasses import dataclass

from .spec import html

# Identity and driving documents: the federal price plus the municipality's own tax.
SURCHARGED = (
    "identiteitskaart",
    "kids-id",
    "reispas",
    "rijbewijs",
    "voorlopig-rijbewijs",
    "internationaal-rijbewijs",
)


@dataclass(frozen=True)
class Profile:
    eid: str  # the eID's normal procedure here
    surcharge: str  # the municipal tax on the other SURCHARGED documents
    appointments: bool  # desks that can work with appointments require one
    eloket: str = ""  # base address of the e-loket; none: certificates by post instead
    rises: tuple = ()  # (identifier, new amount of its first cost) from next 1 January
    opt_out: tuple = ()  # local pages its editors unpublished
    own_hours: dict | None = None  # the population desk's hours on appointment
    recycling_park_of: str = ""  # the neighbour whose recycling park its residents use


PROFILES = {
    "anzegem": Profile(
        "22.00",
        "2.00",
        True,
        "https://eloket.anzegem.be",
        opt_out=("taxivergunning", "standplaats-markt"),
    ),
    "avelgem": Profile(
        "21.00",
        "1.00",
        False,
        "https://eloket.avelgem.be",
        opt_out=("parkeerkaart-bewoners", "taxivergunning"),
    ),
    "deerlijk": Profile("23.50", "3.00", True, "https://eloket.deerlijk.be"),
    "harelbeke": Profile(
        "24.00",
        "4.00",
        True,
        "https://eloket.harelbeke.be",
        rises=(("identiteitskaart", "25.00"), ("reispas", "80.00")),
    ),
    "kortrijk": Profile(
        "26.00",
        "6.00",
        True,
        "https://www.kortrijk.be/eloket",
        rises=(("identiteitskaart", "27.50"),),
        own_hours={
            "monday": ["08:30-12:30", "13:30-17:00"],
            "tuesday": ["08:30-12:30"],
            "wednesday": ["08:30-12:30", "13:30-17:00"],
            "thursday": ["08:30-12:30", "13:30-19:30"],
            "friday": ["08:30-12:30"],
            "saturday": ["09:00-12:00"],
        },
    ),
    "kuurne": Profile("22.50", "2.50", False, "https://eloket.kuurne.be"),
    "lendelede": Profile("21.00", "1.00", False, recycling_park_of="kuurne"),
    "menen": Profile(
        "25.00",
        "5.00",
        True,
        "https://eloket.menen.be",
        rises=(("identiteitskaart", "26.00"),),
        own_hours={
            "monday": ["08:30-12:00"],
            "tuesday": ["08:30-12:00", "13:30-16:00"],
            "wednesday": ["08:30-12:00"],
            "thursday": ["08:30-12:00", "16:00-19:00"],
            "friday": ["08:30-12:00"],
        },
    ),
    "spiere-helkijn": Profile(
        "21.00",
        "0.00",
        False,
        opt_out=("taxivergunning", "sportkampen", "standplaats-markt"),
        recycling_park_of="avelgem",
    ),
    "waregem": Profile("24.50", "4.50", True, "https://eloket.waregem.be"),
    "wervik": Profile("23.00", "3.00", True, "https://eloket.wervik.be"),
    "wevelgem": Profile(
        "24.00",
        "4.00",
        True,
        "https://eloket.wevelgem.be",
        rises=(("grofvuil-ophalen", "30.00"),),
    ),
    "zwevegem": Profile("22.00", "2.00", True, "https://eloket.zwevegem.be"),
}
DEFAULT_PROFILE = Profile("22.00", "2.00", False)

# Local costs that are the municipality's own choice: identifier -> slug -> costs.
COSTS = {
    "uittreksel-strafregister": {
        "menen": (("Uittreksel", "3.00", "Online aangevraagd: gratis."),),
        "wervik": (("Uittreksel", "2.50", None),),
    },
    "voornaamswijziging": {
        "kortrijk": (("Voornaamswijziging", "150.00", "Transgender personen: 15 euro."),),
        "harelbeke": (("Voornaamswijziging", "200.00", "Transgender personen: 20 euro."),),
        "waregem": (("Voornaamswijziging", "245.00", "Transgender personen: gratis."),),
        "spiere-helkijn": (("Voornaamswijziging", "100.00", None),),
        "menen": (("Voornaamswijziging", "490.00", "Transgender personen: 49 euro."),),
    },
    "huwelijk": {
        "kortrijk": (
            ("Huwelijk op weekdag", "0.00", None),
            ("Huwelijk op zaterdag", "150.00", None),
        ),
        "waregem": (
            ("Huwelijk op weekdag", "0.00", None),
            ("Huwelijk op zaterdag", "100.00", "In de trouwzaal van het stadhuis."),
        ),
        "anzegem": (("Huwelijk", "0.00", "Ook op zaterdagvoormiddag gratis."),),
    },
    "grofvuil-ophalen": {
        "kortrijk": (("Ophaling aan huis", "30.00", "Per ophaling, tot 3 m³."),),
        "menen": (("Ophaling aan huis", "20.00", "Per ophaling, tot 2 m³."),),
        "wevelgem": (("Ophaling aan huis", "25.00", "Per ophaling, tot 3 m³."),),
    },
    "parkeerkaart-bewoners": {
        "kortrijk": (
            ("Eerste bewonerskaart", "0.00", None),
            ("Tweede bewonerskaart", "60.00", "Per jaar."),
        ),
        "harelbeke": (("Bewonerskaart", "25.00", "Per jaar; maximaal twee per gezin."),),
        "menen": (("Bewonerskaart", "0.00", "Gratis; één kaart per gezin."),),
    },
    "bibliotheekabonnement": {
        "kortrijk": (("Lidmaatschap", "0.00", "Gratis voor iedereen."),),
        "waregem": (("Lidmaatschap", "5.00", "Per jaar; gratis tot 18 jaar."),),
    },
}

CONDITIONS = {
    ("kortrijk", "parkeerkaart-bewoners"): html(
        "In Kortrijk krijgen alleen bewoners van de zones rond de binnenstad een "
        "bewonerskaart. Wie een eigen garage of oprit heeft, krijgt geen kaart.",
    ),
    ("menen", "grofvuil-ophalen"): html(
        "In Menen wordt grofvuil alleen op de eerste dinsdag van de maand opgehaald. "
        "Maximaal 2 m³ per ophaling.",
    ),
    ("waregem", "huwelijk"): html(
        "Trouwen kan in Waregem ook in het kasteel Blauwhuis, op vrijdagnamiddag en "
        "zaterdagvoormiddag.",
    ),
    ("harelbeke", "evenementenvergunning"): html(
        "Voor een evenement op de Markt of in het stadspark vraagt Harelbeke de aanvraag "
        "minstens drie maanden vooraf.",
    ),
    ("wevelgem", "toegang-recyclagepark"): html(
        "Het recyclagepark van Wevelgem werkt met een toegangskaart: uw identiteitskaart "
        "geeft toegang tot 24 bezoeken per jaar.",
    ),
    ("lendelede", "toegang-recyclagepark"): html(
        "Lendelede heeft geen eigen recyclagepark: inwoners gaan met hun identiteitskaart "
        "naar het recyclagepark van Kuurne, aan dezelfde tarieven.",
    ),
    ("spiere-helkijn", "toegang-recyclagepark"): html(
        "Spiere-Helkijn heeft geen eigen recyclagepark: inwoners gaan naar het "
        "recyclagepark van Avelgem.",
    ),
    ("deerlijk", "sportkampen"): html(
        "Kinderen uit Deerlijk krijgen voorrang bij de inschrijving; "
        "inwoners betalen 20 procent minder.",
    ),
}

# Overrides of the regional text: (slug, identifier) -> page field values.
OVERRIDES = {
    ("kortrijk", "identiteitskaart"): {
        "description_override": html(
            "In Kortrijk vraagt u uw eID aan in het stadhuis, alleen op afspraak. Uw pasfoto "
            "nemen we gratis aan de balie, u hoeft er geen mee te brengen.",
            "Uw kaart afhalen kan zonder afspraak, ook op donderdagavond.",
        ),
        "requirements_override": [
            {
                "type": "requirement",
                "value": {
                    "title": "U staat ingeschreven in Kortrijk",
                    "description": "En u komt persoonlijk, op afspraak.",
                    "evidence": [
                        {"title": "Uw oproepingsbrief, als u er een kreeg", "description": ""},
                        {"title": "Uw huidige identiteitskaart", "description": ""},
                    ],
                },
            },
        ],
    },
    ("waregem", "huwelijk"): {
        "procedure_override": [
            {
                "type": "step",
                "value": {
                    "title": "Datum vastleggen",
                    "description": "Online of aan de balie, tot een jaar vooraf.",
                },
            },
            {
                "type": "step",
                "value": {
                    "title": "Huwelijksaangifte",
                    "description": "Samen aan de balie, ten vroegste zes maanden en ten "
                    "laatste veertien dagen voor de huwelijksdatum.",
                },
            },
            {
                "type": "step",
                "value": {
                    "title": "Gesprek met de ambtenaar",
                    "description": "Een schepen bespreekt met u de plechtigheid.",
                },
            },
        ],
    },
    ("menen", "reispas"): {"processing_time_override": "Vijf werkdagen."},
    ("zwevegem", "adreswijziging"): {
        "processing_time_override": "De wijkagent komt binnen tien werkdagen langs.",
    },
}

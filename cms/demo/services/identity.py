"""Identity documents, certificates and civil-status changes from the population desk."""

from cms.catalogue.vocabularies import Audience, LifeEvent, ServiceType, Theme

from .spec import JUSTEL, Channels, ServiceSpec, req

POPULATION_ACT = (
    "Wet van 19 juli 1991 betreffende de bevolkingsregisters, de identiteitskaarten, de "
    "vreemdelingenkaarten en de verblijfsdocumenten",
    JUSTEL,
)
REGISTERS_DECREE = (
    "Koninklijk besluit van 16 juli 1992 betreffende de bevolkingsregisters en het "
    "vreemdelingenregister",
    JUSTEL,
)
IBZ_EID = ("Identiteitsdocumenten (FOD Binnenlandse Zaken)", "https://www.ibz.rrn.fgov.be/nl/")
MY_FILE = ("Mijn Dossier: uw gegevens in het Rijksregister", "https://www.ibz.rrn.fgov.be/nl/")
PHOTO = (
    "Een recente pasfoto in kleur",
    "Niet ouder dan zes maanden, met witte achtergrond, volgens de ICAO-normen. Sommige "
    "gemeenten nemen de foto zelf aan de balie.",
)

SERVICES = (
    ServiceSpec(
        "identiteitskaart",
        "Elektronische identiteitskaart (eID)",
        short="Elke Belg vanaf 12 jaar heeft een elektronische identiteitskaart. U vraagt "
        "ze aan in uw gemeente als uw kaart vervalt, verloren of gestolen is.",
        description=(
            "De elektronische identiteitskaart (eID) bewijst wie u bent en dat u in België "
            "woont. Met de chip en uw pincode meldt u zich ook aan bij online "
            "overheidsdiensten en zet u een digitale handtekening.",
            "Een eID is tien jaar geldig. Voor jongeren tussen 12 en 18 jaar is ze zes jaar "
            "geldig, vanaf 75 jaar dertig jaar. U krijgt automatisch een oproepingsbrief "
            "wanneer uw kaart bijna vervalt.",
        ),
        additional=(
            "Bij de aanvraag worden uw vingerafdrukken genomen; die staan alleen op de chip "
            "van uw kaart.",
            "Verloren of gestolen? Laat uw kaart eerst blokkeren via DOC STOP (00800 2123 "
            "2123), ook buiten de openingsuren.",
        ),
        exceptions=(
            "Wie in het buitenland woont, vraagt een eID aan bij de Belgische ambassade of "
            "het consulaat. Een kind jonger dan 12 jaar krijgt een Kids-ID.",
        ),
        requirements=(
            req(
                "U staat ingeschreven in de gemeente",
                "U vraagt de kaart aan in de gemeente waar u in het bevolkingsregister staat.",
                "Uw oproepingsbrief, als u er een kreeg",
                "Uw huidige identiteitskaart",
                PHOTO,
            ),
            req(
                "U komt persoonlijk naar de balie",
                "Een eID aanvragen kan niet online en niet via iemand anders: uw "
                "handtekening en vingerafdrukken worden aan de balie genomen.",
            ),
        ),
        steps=(
            (
                "Aanvragen aan de balie",
                "Breng de documenten mee; de bediende neemt uw vingerafdrukken en handtekening.",
            ),
            (
                "Brief met pin- en pukcode",
                "Na twee tot drie weken krijgt u thuis een brief met uw codes.",
            ),
            (
                "Kaart afhalen",
                "Kom met de brief naar de balie. U kiest er meteen uw pincode "
                "en activeert uw kaart.",
            ),
        ),
        costs=(
            (
                "Normale procedure",
                "20.00",
                "Wat de federale overheid aanrekent; de gemeente kan er een belasting bij rekenen.",
            ),
            (
                "Dringende procedure",
                "120.00",
                "De kaart ligt de volgende werkdag klaar in de gemeente.",
            ),
        ),
        time="Ongeveer drie weken; met de dringende procedure de volgende werkdag.",
        legal=(
            POPULATION_ACT,
            ("Koninklijk besluit van 25 maart 2003 betreffende de identiteitskaarten", JUSTEL),
        ),
        info=(IBZ_EID, ("Kaart blokkeren: DOC STOP", "https://www.docstop.be/")),
        themes=(Theme.CITIZEN_GOVERNMENT,),
        events=(LifeEvent.MOVING, LifeEvent.TRAVEL),
        keywords="eID, identiteitskaart, ID-kaart, kaart vervallen, pincode, pukcode, "
        "verloren, gestolen, nieuwe identiteitskaart, elektronische identiteitskaart",
        type=ServiceType.OBJECT,
        popular=True,
        channels=Channels(appointment=True),
    ),
    ServiceSpec(
        "kids-id",
        "Kids-ID",
        short="De elektronische identiteitskaart voor kinderen jonger dan 12 jaar, nodig om "
        "met uw kind naar het buitenland te reizen.",
        description=(
            "Een Kids-ID is het identiteitsbewijs van een Belgisch kind onder de 12 jaar. Het "
            "is drie jaar geldig en nodig voor een reis naar de meeste Europese landen.",
            "Via de Hallo Ouders-lijn kunt u telefoonnummers laten koppelen aan de kaart: "
            "raakt uw kind de weg kwijt, dan wordt u zo snel gebeld.",
        ),
        requirements=(
            req(
                "Uw kind komt mee",
                "Het kind moet persoonlijk aanwezig zijn, samen met een ouder of voogd.",
                "De identiteitskaart van de ouder",
                PHOTO,
                "De huidige Kids-ID, als uw kind er een heeft",
            ),
        ),
        steps=(
            ("Aanvragen aan de balie", "Met uw kind en de documenten."),
            ("Codes per post", "De pin- en pukcode komen per brief naar de ouder."),
            ("Afhalen", "Een ouder haalt de Kids-ID af met de brief."),
        ),
        costs=(
            ("Normale procedure", "7.50", "De gemeente kan er een belasting bij rekenen."),
            ("Dringende procedure", "115.00", None),
        ),
        time="Ongeveer drie weken.",
        legal=(
            POPULATION_ACT,
            (
                "Koninklijk besluit van 10 december 1996 betreffende de identiteitsstukken voor "
                "kinderen beneden de twaalf jaar",
                JUSTEL,
            ),
        ),
        info=(IBZ_EID,),
        themes=(Theme.CITIZEN_GOVERNMENT,),
        events=(LifeEvent.BIRTH, LifeEvent.TRAVEL),
        keywords="kids-id, kidsid, identiteitskaart kind, reizen met kinderen, kinderkaart",
        type=ServiceType.OBJECT,
        channels=Channels(appointment=True),
    ),
    ServiceSpec(
        "reispas",
        "Reispas",
        short="Voor reizen buiten Europa hebt u een internationaal paspoort nodig. U vraagt "
        "het aan in uw gemeente.",
        description=(
            "Een reispas (paspoort) is zeven jaar geldig, voor kinderen onder 18 jaar vijf "
            "jaar. Ook kinderen hebben een eigen reispas nodig.",
            "Kijk voor vertrek na welke reisdocumenten uw bestemming vraagt en hoe lang uw "
            "pas nog geldig moet zijn.",
        ),
        requirements=(
            req(
                "U komt persoonlijk naar de balie",
                "Uw vingerafdrukken worden genomen, ook bij kinderen vanaf 6 jaar.",
                "Uw identiteitskaart",
                PHOTO,
                ("Uw oude reispas", "Een pas die nog geldig is, wordt ongeldig gemaakt."),
            ),
            req(
                "Toestemming van de ouders voor een minderjarige",
                "Een minderjarige komt met een ouder; de andere ouder hoeft niet mee te komen.",
            ),
        ),
        steps=(
            ("Aanvragen aan de balie", "Bij voorkeur op afspraak."),
            ("Bericht dat uw pas klaar is", "U krijgt een bericht per sms of e-mail."),
            ("Afhalen", "Met uw identiteitskaart."),
        ),
        costs=(
            (
                "Reispas voor een volwassene",
                "65.00",
                "Consulaire bijdrage; de gemeente rekent er een belasting bij.",
            ),
            ("Reispas voor een minderjarige", "35.00", None),
            ("Spoedprocedure", "240.00", "Klaar op de tweede werkdag."),
        ),
        time="Zeven werkdagen; met de spoedprocedure twee werkdagen.",
        legal=(("Consulair Wetboek (wet van 21 december 2013)", JUSTEL),),
        info=(
            ("Reisadvies per land (FOD Buitenlandse Zaken)", "https://diplomatie.belgium.be/nl"),
        ),
        themes=(Theme.CITIZEN_GOVERNMENT,),
        events=(LifeEvent.TRAVEL,),
        keywords="paspoort, reispas, pas, reizen, buitenland, visum, vakantie, internationaal "
        "paspoort",
        type=ServiceType.OBJECT,
        popular=True,
        channels=Channels(appointment=True),
    ),
    ServiceSpec(
        "adreswijziging",
        "Adreswijziging",
        short="Verhuist u? Geef uw nieuwe adres binnen acht werkdagen door aan uw nieuwe "
        "gemeente, online of aan de balie.",
        description=(
            "Wie verhuist, meldt dat binnen acht werkdagen bij de gemeente waar hij gaat "
            "wonen, ook bij een verhuizing binnen dezelfde gemeente. De wijkagent komt "
            "daarna langs om na te gaan of u echt op het nieuwe adres woont.",
            "Na die controle wordt uw adres in het Rijksregister aangepast en past de balie "
            "het adres op de chip van uw identiteitskaart aan.",
        ),
        additional=(
            "Vergeet niet ook uw bank, werkgever, ziekenfonds, energieleverancier en "
            "verzekeraar te verwittigen.",
        ),
        requirements=(
            req(
                "U woont echt op het nieuwe adres",
                "Een adres wordt pas ingeschreven na een woonstcontrole door de wijkagent.",
                ("De identiteitskaart van elk gezinslid dat mee verhuist", None),
                ("Huurcontract of aankoopakte", "Alleen als de bediende erom vraagt."),
            ),
        ),
        steps=(
            ("Aangifte doen", "Online via het e-loket of Mijn Dossier, of aan de balie."),
            ("Woonstcontrole", "De wijkagent komt binnen enkele weken langs."),
            (
                "Identiteitskaart aanpassen",
                "U krijgt een uitnodiging om met uw kaart en pincode langs te komen.",
            ),
        ),
        costs=(("Adreswijziging", "0.00", "Gratis."),),
        time="Inschrijving na de woonstcontrole, meestal binnen drie weken.",
        legal=(REGISTERS_DECREE, POPULATION_ACT),
        info=(MY_FILE,),
        themes=(Theme.CITIZEN_GOVERNMENT, Theme.BUILDING_HOUSING),
        events=(LifeEvent.MOVING,),
        keywords="verhuizen, verhuis, nieuw adres, domicilie, inschrijving, adres wijzigen, "
        "woonstcontrole, wijkagent",
        type=ServiceType.PROOF,
        popular=True,
        channels=Channels(online="verhuizen"),
    ),
    ServiceSpec(
        "attest-van-woonst",
        "Attest van woonst",
        short="Een bewijs van uw adres en van de adressen waar u vroeger woonde.",
        description=(
            "Het attest van woonst (bewijs van inschrijving) toont uw huidige adres, en op "
            "vraag ook uw vroegere adressen in België.",
            "U downloadt het meteen zelf, gratis, met uw identiteitskaart of itsme.",
        ),
        requirements=(
            req("U staat ingeschreven in het bevolkingsregister", "", "Uw identiteitskaart"),
        ),
        steps=(
            ("Downloaden of aanvragen", "Online, of aan de balie."),
            ("Ontvangen", "Online meteen; aan de balie terwijl u wacht."),
        ),
        costs=(("Attest", "0.00", "Gratis."),),
        time="Meteen.",
        legal=(REGISTERS_DECREE,),
        info=(MY_FILE,),
        themes=(Theme.CITIZEN_GOVERNMENT,),
        events=(LifeEvent.MOVING,),
        keywords="bewijs van woonst, woonstattest, adresattest, bewijs van inschrijving, "
        "domicilieattest",
        channels=Channels(online="attest-woonst", post=True),
    ),
    ServiceSpec(
        "gezinssamenstelling",
        "Attest van gezinssamenstelling",
        short="Een attest met alle personen die op uw adres ingeschreven zijn.",
        description=(
            "Het attest van gezinssamenstelling toont wie er op uw adres woont. U hebt het "
            "soms nodig voor een premie, een studietoelage of een sociale woning.",
        ),
        requirements=(req("U vraagt het voor uw eigen gezin", "", "Uw identiteitskaart"),),
        steps=(("Downloaden of aanvragen", "Online, of aan de balie."),),
        costs=(("Attest", "0.00", "Gratis."),),
        time="Meteen.",
        legal=(REGISTERS_DECREE,),
        info=(MY_FILE,),
        themes=(Theme.CITIZEN_GOVERNMENT,),
        events=(LifeEvent.MARRIAGE, LifeEvent.BIRTH),
        keywords="gezinssamenstelling, samenstelling van het gezin, gezinsattest, wie woont "
        "er op mijn adres",
        channels=Channels(online="gezinssamenstelling", post=True),
    ),
    ServiceSpec(
        "uittreksel-strafregister",
        "Uittreksel uit het strafregister",
        short="Het vroegere 'bewijs van goed gedrag en zeden', voor een job, een vereniging "
        "of een vergunning.",
        description=(
            "Een uittreksel uit het strafregister toont of u veroordelingen hebt opgelopen. "
            "Werkgevers en verenigingen vragen het soms.",
            "Er zijn twee modellen: het gewone uittreksel (artikel 595) en het uittreksel "
            "voor een activiteit met minderjarigen (artikel 596.2), bijvoorbeeld in het "
            "onderwijs, de jeugdbeweging of de kinderopvang.",
        ),
        requirements=(
            req(
                "U vraagt het voor uzelf",
                "Iemand anders kan het voor u afhalen met een volmacht en een kopie van uw "
                "identiteitskaart.",
                "Uw identiteitskaart",
                ("Het doel", "Voor model 596.2: de activiteit waarvoor u het nodig hebt."),
            ),
        ),
        steps=(
            ("Aanvragen", "Online of aan de balie."),
            ("Ontvangen", "Online krijgt u het attest meestal meteen in uw mailbox."),
        ),
        costs=(("Uittreksel", "0.00", "In de meeste gemeenten gratis."),),
        time="Meteen tot twee werkdagen.",
        legal=(("Wetboek van strafvordering, artikelen 595 en 596", JUSTEL),),
        info=(("Strafregister (FOD Justitie)", "https://justitie.belgium.be/nl"),),
        audiences=(Audience.CITIZEN, Audience.ASSOCIATION),
        themes=(Theme.CITIZEN_GOVERNMENT, Theme.ECONOMY_WORK),
        events=(LifeEvent.WORK,),
        keywords="bewijs van goed gedrag en zeden, goed gedrag, strafregister, uittreksel, "
        "model 2, 596.2, sollicitatie, jeugdbeweging",
        popular=True,
        channels=Channels(online="strafregister"),
    ),
)

"""The catalogue's code lists: IPDC's where IPDC has one, the region's own otherwise.

Each code is stored as its short value; ``iri()`` gives the identifier the open-data
export uses (IPDC's concept IRIs for themes, types and audiences).
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

IPDC_CONCEPT = "https://productencatalogus.data.vlaanderen.be/id/concept/"
REGION_CONCEPT = "https://data.voordeur.be/id/concept/"


class Theme(models.TextChoices):
    """IPDC's thema code list."""

    CITIZEN_GOVERNMENT = "BurgerOverheid", _("Citizen and government")
    CULTURE_SPORT_LEISURE = "CultuurSportVrijeTijd", _("Culture, sport and leisure")
    ECONOMY_WORK = "EconomieWerk", _("Economy and work")
    ENVIRONMENT_ENERGY = "MilieuEnergie", _("Environment and energy")
    MOBILITY_PUBLIC_WORKS = "MobiliteitOpenbareWerken", _("Mobility and public works")
    EDUCATION_SCIENCE = "OnderwijsWetenschap", _("Education and science")
    WELFARE_HEALTH = "WelzijnGezondheid", _("Welfare and health")
    BUILDING_HOUSING = "BouwenWonen", _("Building and housing")


class ServiceType(models.TextChoices):
    """IPDC's type code list: what the citizen gets."""

    ADVICE = "AdviesBegeleiding", _("Advice and guidance")
    PROOF = "Bewijs", _("Proof or certificate")
    FINANCIAL_ADVANTAGE = "FinancieelVoordeel", _("Financial advantage")
    FINANCIAL_OBLIGATION = "FinancieleVerplichting", _("Financial obligation")
    INFRASTRUCTURE = "InfrastructuurMateriaal", _("Infrastructure and equipment")
    PERMIT = "Toelating", _("Permit")
    OBJECT = "Voorwerp", _("Object")


class Audience(models.TextChoices):
    """IPDC's doelgroep code list, the parts a municipal website serves."""

    CITIZEN = "Burger", _("Citizens")
    BUSINESS = "Onderneming", _("Businesses")
    ASSOCIATION = "Vereniging", _("Associations")


class LifeEvent(models.TextChoices):
    """Moments in life to browse services by (the region's list; IPDC has none)."""

    MOVING = "verhuizen", _("Moving")
    BIRTH = "geboorte", _("Birth")
    MARRIAGE = "huwelijk-samenwonen", _("Marriage and cohabitation")
    DEATH = "overlijden", _("Death")
    OLDER = "ouder-worden", _("Growing older")
    WORK = "werk-zoeken", _("Looking for work")
    BUILDING = "bouwen-verbouwen", _("Building and renovating")
    BUSINESS = "onderneming-starten", _("Starting a business")
    TRAVEL = "reizen", _("Travelling abroad")
    MOBILITY = "mobiliteit", _("Getting around")


class ChannelType(models.TextChoices):
    DESK = "desk", _("At the desk")
    PHONE = "phone", _("By phone")
    ONLINE = "online", _("Online")
    POST = "post", _("By post")


def iri(choices, value):
    """The open-data identifier of one code."""
    if choices is LifeEvent:
        return f"{REGION_CONCEPT}Levensgebeurtenis/{value}"
    if choices is ChannelType:
        return f"{REGION_CONCEPT}Kanaal/{value}"
    scheme = {Theme: "Thema", ServiceType: "Type", Audience: "Doelgroep"}[choices]
    return f"{IPDC_CONCEPT}{scheme}/{value}"


def labels(choices, values):
    """The labels of the known codes among ``values``, in the code list's order."""
    wanted = set(values or ())
    return [choice.label for choice in choices if choice.value in wanted]

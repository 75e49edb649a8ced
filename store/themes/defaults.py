"""The default theme taxonomy (see DOMAIN.md), seeded on first use."""

from __future__ import annotations

from store.core.models import Theme

DEFAULT_THEMES: tuple[Theme, ...] = (
    Theme(
        "economie", "Regionale economie", "Regional economy",
        "Sectoren die draaien op arbeidsmigranten (logistiek, voedselverwerking, tuinbouw, maakindustrie), "
        "economische waarde, productiviteit, bedrijven die uitbreiden of vertrekken, distributiecentra.",
        "Sectors depending on migrant labour (logistics, food processing, horticulture, manufacturing), "
        "economic value, productivity, companies expanding or leaving, distribution centres.",
        1,
    ),
    Theme(
        "arbeidsmarkt", "Arbeidsmarkt", "Labour market",
        "Personeelstekorten, werving, lonen, contracten, seizoenswerk, uitzendwerk, arbeidsmarktregio's, "
        "werkgelegenheid en vacatures.",
        "Labour shortages, recruitment, wages, contracts, seasonal work, agency work, labour-market regions, "
        "employment and vacancies.",
        2,
    ),
    Theme(
        "huisvesting", "Huisvesting", "Housing",
        "Huisvesting van arbeidsmigranten: short-stay en mid-stay, logies, vergunningen, SNF-keurmerk, "
        "huisvesting gekoppeld aan het arbeidscontract, gemeentelijke huisvestingsplannen.",
        "Housing for migrant workers: short-stay and mid-stay, lodgings, permits, SNF certification, "
        "housing tied to the employment contract, municipal housing plans.",
        3,
    ),
    Theme(
        "impact", "Maatschappelijke impact", "Social impact",
        "Leefbaarheid, integratie, onderwijs, zorg, dakloosheid, inschrijving in de BRP, "
        "draagvlak en publieke opinie in wijken en dorpen.",
        "Liveability, integration, education, health care, homelessness, registration in the BRP, "
        "public support and opinion in neighbourhoods and villages.",
        4,
    ),
    Theme(
        "veiligheid", "Veiligheid & handhaving", "Safety & enforcement",
        "Arbeidsinspectie, uitbuiting, malafide uitzendbureaus, ondermijning, politie, brandveiligheid, "
        "controles, boetes en strafzaken.",
        "Labour inspectorate, exploitation, rogue staffing agencies, organised crime, police, fire safety, "
        "inspections, fines and criminal cases.",
        5,
    ),
    Theme(
        "migranten", "Perspectief arbeidsmigranten", "Migrant workers' perspective",
        "Ervaringen van arbeidsmigranten zelf, hun rechten, taal, informatie voor werknemers, "
        "hun organisaties en netwerken.",
        "Experiences of migrant workers themselves, their rights, language, information for workers, "
        "their organisations and networks.",
        6,
    ),
    Theme(
        "markt", "Markt & commerciële partijen", "Market & commercial players",
        "Uitzendbureaus, huisvesters, overnames en fusies, certificering (SNA, NEN 4400), marktcijfers, "
        "verdienmodellen en het speelveld van commerciële partijen.",
        "Staffing agencies, housing providers, mergers and acquisitions, certification (SNA, NEN 4400), "
        "market figures, business models and the commercial playing field.",
        7,
    ),
    Theme(
        "beleid", "Beleid & bestuur", "Policy & governance",
        "Rijk, EU-regels (detachering, vrij verkeer), provincie, gemeenten, Provinciale Staten, "
        "Tweede Kamer, wetgeving, convenanten en bestuurlijke afspraken.",
        "National government, EU rules (posted workers, free movement), province, municipalities, "
        "provincial and national parliament, legislation, covenants and agreements.",
        8,
    ),
)

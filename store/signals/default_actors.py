"""The watchlist's starting set (DOMAIN.md): public bodies, associations, unions, Brabant
municipalities and countries of origin. Companies are for the users to add."""

from __future__ import annotations

DEFAULT_ACTORS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("Nederlandse Arbeidsinspectie", "public", ("Arbeidsinspectie", "Inspectie SZW", "NLA", "Labour Inspectorate")),
    ("Ministerie van SZW", "public", ("SZW", "Sociale Zaken en Werkgelegenheid", "ministerie van Sociale Zaken")),
    ("Ministerie van BZK", "public", ("BZK", "Binnenlandse Zaken en Koninkrijksrelaties")),
    ("European Labour Authority", "public", ("ELA", "Europese Arbeidsautoriteit")),
    ("UWV", "public", ()),
    ("Provincie Noord-Brabant", "public", ("provincie Brabant", "Provinciale Staten van Noord-Brabant")),
    ("ABU", "association", ("Algemene Bond Uitzendondernemingen",)),
    ("NBBU", "association", ("Nederlandse Bond van Bemiddelings- en Uitzendondernemingen",)),
    ("SNA", "association", ("Stichting Normering Arbeid",)),
    ("SNF", "association", ("Stichting Normering Flexwonen", "SNF-keurmerk")),
    ("VNO-NCW Brabant Zeeland", "association", ("BZW",)),
    ("FNV", "union", ("FNV Flex", "FNV Migrant Workers")),
    ("CNV", "union", ()),
    ("Tilburg", "municipality", ()),
    ("Eindhoven", "municipality", ()),
    ("Helmond", "municipality", ()),
    ("Breda", "municipality", ()),
    ("'s-Hertogenbosch", "municipality", ("Den Bosch",)),
    ("Oss", "municipality", ()),
    ("Roosendaal", "municipality", ()),
    ("Moerdijk", "municipality", ()),
    ("Waalwijk", "municipality", ()),
    ("Meierijstad", "municipality", ("Veghel",)),
    ("Venlo", "municipality", ()),
    ("Polen", "country", ("Poland", "Poolse", "Pools", "Polish")),
    ("Roemenië", "country", ("Romania", "Roemeense", "Romanian")),
    ("Bulgarije", "country", ("Bulgaria", "Bulgaarse", "Bulgarian")),
    ("Hongarije", "country", ("Hungary", "Hongaarse", "Hungarian")),
    ("Litouwen", "country", ("Lithuania", "Litouwse", "Lithuanian")),
    ("Oekraïne", "country", ("Ukraine", "Oekraïense", "Ukrainian")),
)

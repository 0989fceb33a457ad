"""The page size a person expects: Letter where Letter paper is used (the US, Canada, Mexico and a few
more), A4 elsewhere. The app and the command line both start from `default_page_size()`; the app
passes the territory Qt reads from the system, the command line lets this module read the locale."""

from __future__ import annotations

import locale
import os
import re

#: territories (ISO 3166 codes) that use US Letter paper (Unicode CLDR, supplementalData paperSize)
LETTER_TERRITORIES = frozenset(
    {"BZ", "CA", "CL", "CO", "CR", "GT", "MX", "NI", "PA", "PH", "PR", "SV", "US", "VE"}
)
#: the same territories as Windows names them in a locale name ("English_United States.1252")
_WINDOWS_NAMES = {
    "belize": "BZ",
    "canada": "CA",
    "chile": "CL",
    "colombia": "CO",
    "costa rica": "CR",
    "guatemala": "GT",
    "mexico": "MX",
    "nicaragua": "NI",
    "panama": "PA",
    "philippines": "PH",
    "puerto rico": "PR",
    "el salvador": "SV",
    "united states": "US",
    "venezuela": "VE",
}
_POSIX = re.compile(r"^[A-Za-z]{2,3}[_-]([A-Za-z]{2})\b")


def page_size_for(territory: str | None) -> str:
    """ "Letter" for a territory that uses Letter paper, else "A4" (also when it is not known)."""
    return "Letter" if (territory or "").upper() in LETTER_TERRITORIES else "A4"


def territory_of(locale_name: str | None) -> str | None:
    """The territory of a locale name: "en_US.UTF-8" → "US", "es-MX" → "MX",
    "English_United States.1252" (Windows) → "US"; None when it names none ("C", "POSIX", "")."""
    if not locale_name:
        return None
    found = _POSIX.match(locale_name)
    if found:
        return found.group(1).upper()
    _, _, country = locale_name.partition("_")
    country = country.split(".")[0].strip().lower()
    if country:
        return _WINDOWS_NAMES.get(country, country.upper()[:2] if len(country) == 2 else None)
    return None


def system_territory() -> str | None:
    """The territory of this computer's locale: LC_ALL, LC_PAPER or LANG, else the locale Python
    reads from the system (Windows and macOS set no variables)."""
    for variable in ("LC_ALL", "LC_PAPER", "LANG"):
        territory = territory_of(os.environ.get(variable))
        if territory:
            return territory
    try:
        name = locale.getlocale(locale.LC_CTYPE)[0] or locale.setlocale(locale.LC_CTYPE, None)
    except (ValueError, locale.Error):
        return None
    return territory_of(name)


def default_page_size(territory: str | None = None) -> str:
    """The page size to propose: for *territory* when given, else for this computer's locale."""
    return page_size_for(territory if territory is not None else system_territory())

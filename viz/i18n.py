"""The web app's two languages: Vietnamese (the default) and English.

Messages are written in English in the templates and code (`_("Coverage")`) and
translated from viz/translations/vi.po, which Babel reads when the app starts: there
is no compiled .mo file to build, so a fresh `pip install` serves Vietnamese at once
(`make messages` re-extracts the English messages into the catalogue for translators).
The language comes from `?lang=` (remembered in a cookie), else the cookie, else the
browser's Accept-Language, else Vietnamese.
"""

from __future__ import annotations

from datetime import date
from functools import lru_cache
from pathlib import Path

from babel.dates import format_date
from babel.messages.pofile import read_po
from babel.numbers import format_decimal
from flask import Flask, Response, g, has_request_context, request

LANGUAGES = ("vi", "en")
DEFAULT = "vi"
COOKIE = "lang"
CATALOGUES = Path(__file__).parent / "translations"
DATE_FORMATS = {"vi": "dd/MM/yyyy", "en": "d MMM yyyy"}  # 03/06/2013 · 3 Jun 2013
MONTH_FORMATS = {"vi": "MM/yyyy", "en": "MMM yyyy"}


def N_(message: str) -> str:  # noqa: N802 (the conventional marker name)
    """Mark a message for the catalogue where it is defined; translate it where it is shown."""
    return message


@lru_cache(maxsize=len(LANGUAGES))
def catalogue(lang: str) -> dict[str, str]:
    """{English message: translation} of a language; English itself needs none."""
    path = CATALOGUES / f"{lang}.po"
    if lang == "en" or not path.exists():
        return {}
    with path.open("rb") as handle:
        messages = read_po(handle, locale=lang)
    out: dict[str, str] = {}
    for message in messages:
        key, text = message.id, message.string
        if isinstance(key, tuple | list):  # a plural: Vietnamese has one form, kept under the singular
            key, text = key[0], (text[0] if text else "")
        if key and text and not message.fuzzy:
            out[key] = text
    return out


def language() -> str:
    """The language of the current request (Vietnamese outside one)."""
    return getattr(g, "lang", DEFAULT) if has_request_context() else DEFAULT


def translate(message: str) -> str:
    """The message in the request's language (Jinja formats the variables itself)."""
    return catalogue(language()).get(message, message)


def translate_plural(singular: str, plural: str, n: int) -> str:
    """Vietnamese has one form (the catalogue's, under the singular); English picks by `n`."""
    return catalogue(language()).get(singular, singular if n == 1 else plural)


def gettext(message: str, **variables: object) -> str:
    """For Python code: translated and formatted (`%(name)s`)."""
    text = translate(message)
    return text % variables if variables else text


def date_text(value: str | date | None) -> str:
    """An ISO date the way the language writes it; a year or year-month stays partial."""
    if not value:
        return ""
    if isinstance(value, date):
        return format_date(value, DATE_FORMATS[language()], locale=language())
    text = str(value)
    try:
        if len(text) >= 10:
            return date_text(date.fromisoformat(text[:10]))
        if len(text) == 7:
            return format_date(date.fromisoformat(text + "-01"), MONTH_FORMATS[language()], locale=language())
    except ValueError:
        pass
    return text


def number_text(value: float | int | None) -> str:
    """A number the way the language writes it (5,6 in Vietnamese, 5.6 in English)."""
    return "" if value is None else format_decimal(value, locale=language())


def pick_language() -> str:
    """?lang=, else the cookie, else Accept-Language, else Vietnamese."""
    asked = request.args.get("lang")
    if asked in LANGUAGES:
        return asked
    kept = request.cookies.get(COOKIE)
    if kept in LANGUAGES:
        return kept
    return request.accept_languages.best_match(LANGUAGES, default=DEFAULT) or DEFAULT


def init_app(app: Flask) -> None:
    """Language per request, `_`/`ngettext` and the `date_text` filter in templates, the choice kept in a cookie."""
    app.jinja_env.add_extension("jinja2.ext.i18n")
    app.jinja_env.install_gettext_callables(translate, translate_plural, newstyle=True)  # type: ignore[attr-defined]
    app.jinja_env.filters["date_text"] = date_text
    app.jinja_env.filters["number_text"] = number_text
    app.jinja_env.globals["languages"] = LANGUAGES

    @app.before_request
    def set_language() -> None:
        g.lang = pick_language()

    @app.after_request
    def keep_language(response: Response) -> Response:
        if request.args.get("lang") in LANGUAGES:
            response.set_cookie(COOKIE, request.args["lang"], max_age=365 * 86400, samesite="Lax")
        response.headers["Content-Language"] = language()
        response.vary.add("Accept-Language")
        response.vary.add("Cookie")
        return response

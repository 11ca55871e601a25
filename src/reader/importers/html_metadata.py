"""Metadata of a saved web page: OpenGraph, article:*, JSON-LD, <title>, <html lang>."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any
from urllib.parse import urlsplit

import lxml.html
from trafilatura.settings import Document

from reader.importers.page_kinds import (
    is_name_heading,
    manual_title,
    script_properties,
    word_properties,
)

# JSON-LD blocks bigger than this are data dumps, not article metadata.
_MAX_JSON_LD = 512 * 1024
_ARTICLE_TYPE = re.compile(r"(Article|BlogPosting|Report|SocialMediaPosting)$")
_DATE = re.compile(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})")
_COMPACT_DATE = re.compile(r"(\d{4})(\d{2})(\d{2})(?:\D|$)")
_LANGUAGE = re.compile(r"[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8})*")
# Between a headline and the site's name after it in a <title>.
_SUFFIX_SEPARATOR = r"[-|–—_｜－·»]+"
_TITLE_SEPARATOR = r"\s*(?:[-|–—_·:»｜－]+|\s[-|–—·:»@]\s)\s*"
# Title meta tags besides og:title, best first: Dublin Core is set by document publishers
# (standards bodies, libraries) and names the document itself; Parse.ly's by news sites.
_DC_TITLES = ("dc:title", "dcterms:title", "dc.title", "dcterms.title")
_LATE_TITLES = ("parsely-title",)
# XHTML habits around a script's JSON: `<![CDATA[ … ]]>` or `<!-- … -->`, maybe commented.
_SCRIPT_WRAPPER = re.compile(
    r"^\s*(?:/[/*]\s*)?(?:<!\[CDATA\[|<!--)(?:\s*\*/)?|(?:/[/*]\s*)?(?:\]\]>|-->)(?:\s*\*/)?\s*$"
)
# Values some sites put in article:section that name no section at all.
_JUNK_SECTIONS = frozenset(
    {"tags", "tag", "uncategorized", "uncategorised", "home", "index", "article", "articles"}
    | {"post", "posts", "page", "default", "none", "null", "undefined", "misc", "general"}
)
_ORGANIZATION = re.compile(r"Organi[sz]ation|Corporation|NewsMediaOrganization|WebSite|Brand")
# The last part of a link's path that leads to a site's home page (besides `/`).
_HOME_PAGES = frozenset({"index.html", "index.htm", "index.php"})
# Host labels that say nothing about whose site it is.
_GENERIC_LABELS = frozenset({"www", "com", "org", "net", "edu", "gov", "co", "ac", "m", "en"})
_DATE_META = (
    "article:published_time",
    "og:published_time",
    "datepublished",
    "publishdate",
    "publish-date",
    "pubdate",
    "date",
    "dc.date.issued",
    "dc.date",
    "dcterms.issued",
    "dcterms.date",
    "sailthru.date",
)


@dataclass
class PageMetadata:
    """What a page says about itself; None where it says nothing usable."""

    title: str | None = None
    site: str | None = None
    author: str | None = None
    published: date | None = None
    url: str | None = None
    section: str | None = None
    language: str | None = None
    heading: str | None = None  # the first <h1>: often the title without the site's name
    page_title: str | None = None  # the <title>: often the heading and the site's name
    # JSON-LD's publisher: the company ("Wikimedia Foundation, Inc."), a site's name only
    # where the page shows none of its own (og:site_name, application-name, the title's suffix)
    publisher: str | None = None

    def complete(self, document: Document | None) -> None:
        """Fill the gaps from trafilatura's metadata, then from the URL; tidy the title."""
        self._split_title()  # first: trafilatura guesses the site from the <title> too, worse
        self.site = self.site or self.publisher
        if document is not None:
            self.site = self.site or _clean(document.sitename)
            self.title = self.title or _clean(document.title)
            guessed = _clean((document.author or "").replace("; ", ", "))
            if guessed and self.site and guessed.casefold() == self.site.casefold():
                guessed = None  # the site's name in a byline slot: the publisher
            self.author = self.author or guessed
            self.published = self.published or parse_date(document.date or "")
            self.url = self.url or _web_url(document.url)
        self._split_title()
        if self.site is None and self.url is not None:
            self.site = _host(self.url)
        self.site = _readable_site(self.site, self.url)
        if self.title is not None:
            self.title = strip_site_name(self.title, self.site)
            if self.url is not None:
                self.title = strip_site_name(self.title, _host(self.url), domain=True)
            # A blog's "Title | Author Name" names the author where others name the site.
            self.title = strip_site_name(self.title, self.author)

    def _split_title(self) -> None:
        if self.title is not None and self.heading is not None:
            self._split_title_at_heading(self.page_title or self.title, self.heading)

    def _split_title_at_heading(self, title: str, heading: str) -> None:
        """`<title>Heading_Site</title>` with `<h1>Heading</h1>`: the rest names the site."""
        match = re.fullmatch(rf"{re.escape(heading)}(\s*{_SUFFIX_SEPARATOR}\s*)(.+)", title)
        if match:
            if self.title == title:
                self.title = heading
            self._name_site_from_suffix(match.group(2), match.group(1))
            return
        # `<title>Headline · Site</title>` with the site's name as the only <h1> (a logo):
        # a short heading at the end of a much longer title is the site, not the headline.
        match = _ending_heading(title, heading)
        if match and _names_site(heading, match.group(1)):
            if self.title == title:
                self.title = match.group(1).strip()
            self.site = self.site or heading

    def _name_site_from_suffix(self, suffix: str, separator: str) -> None:
        """What follows the headline in the <title> names the site: in "Headline_News_Site"
        (split by the same separator, spaces included) the last part is the site and the one
        before it the section, where nothing better names them."""
        parts = [part.strip() for part in suffix.split(separator) if part.strip()]
        if len(parts) == 2:
            self.section = self.section or parts[0]
            self.site = self.site or parts[1]
        else:
            self.site = self.site or suffix.strip()


def read_metadata(tree: lxml.html.HtmlElement, markup: str = "") -> PageMetadata:
    """The page's own metadata, in the order of trust: OpenGraph and article:*, then JSON-LD,
    then plain meta tags and markup. `markup` (the raw page) holds what the parser drops:
    Word's document properties, a content platform's script variables."""
    meta = _meta_tags(tree)
    ld = _json_ld_article(tree)
    word = word_properties(markup)
    platform = script_properties(markup)
    publisher = ld.get("publisher")
    site = _first(meta.get("og:site_name"), meta.get("application-name"))
    return PageMetadata(
        title=manual_title(tree) or _headline(meta, ld, tree) or _clean(platform.get("title")),
        heading=_h1(tree),
        page_title=_title(tree),
        site=site,
        publisher=_name(publisher),
        author=_author(meta, ld, word, not_named=(site, _name(publisher)))
        or _clean(platform.get("author")),
        published=_first_date(meta, ld, tree, word) or parse_date(platform.get("date", "")),
        url=_first(
            _web_url(_canonical(tree)),
            _web_url(meta.get("og:url")),
            _web_url(_text(ld.get("url"))),
            _web_url(_entity_id(ld.get("mainEntityOfPage"))),
        ),
        section=_section(meta, ld, tree),
        language=_first(
            normalize_language(tree.get("lang") or tree.get("xml:lang") or ""),
            normalize_language(meta.get("content-language") or ""),
            normalize_language(meta.get("og:locale") or ""),
            normalize_language(_text(ld.get("inLanguage")) or ""),
        ),
    )


def _position(crumb: dict[str, Any]) -> int:
    position = crumb.get("position")
    return position if isinstance(position, int) else 0


def _headline(meta: dict[str, str], ld: dict[str, Any], tree: lxml.html.HtmlElement) -> str | None:
    """og:title, JSON-LD headline or the <h1>: the first one the <title> confirms, else the
    first there is (the <title> before the <h1>). A generic og:title ("News from …") or a
    JSON-LD "headline" that is really a description is what the <title> does not contain."""
    title = _title(tree)
    heading = _h1(tree)
    if heading and is_name_heading(heading):
        heading = None
    candidates = [_clean(meta.get(name)) for name in _DC_TITLES]
    candidates += [_clean(meta.get("og:title")), _clean(_text(ld.get("headline")))]
    candidates += [_clean(meta.get(name)) for name in _LATE_TITLES]
    folded = (title or "").casefold()
    for candidate in candidates:
        if candidate and candidate.casefold() in folded:
            return candidate
    # A heading is often the site's name ("V8" in "Outside the web · V8"): it confirms only
    # as the start of the <title>.
    if heading and folded.startswith(heading.casefold()):
        return heading
    # "Site | Headline": the heading ends the <title> and is no logo-like site name.
    ending = _ending_heading(title or "", heading or "")
    if heading and ending and not _names_site(heading, ending.group(1)):
        return heading
    return _first(*candidates, title, heading)


def _ending_heading(title: str, heading: str) -> re.Match[str] | None:
    """`Something · Heading`, with what comes before the heading as group 1."""
    if not heading:
        return None
    return re.fullmatch(rf"(.+?)\s+[-|–—·»]\s+{re.escape(heading)}", title, re.IGNORECASE)


def _names_site(heading: str, rest: str) -> bool:
    """A heading of a few words after a title three times as long is the site's logo."""
    return 3 * len(heading.split()) <= min(9, len(rest.split()))


def _author(
    meta: dict[str, str],
    ld: dict[str, Any],
    word: dict[str, str],
    not_named: tuple[str | None, ...],
) -> str | None:
    """A person: never the publisher or the site, never an organisation in JSON-LD."""
    publishers = {name.casefold() for name in not_named if name}
    candidates = (
        _not_url(meta.get("author")),
        _not_url(meta.get("article:author")),
        _person(ld.get("author")),
        _not_url(meta.get("dc.creator")),
        word.get("Author"),
        word.get("LastAuthor"),
    )
    for candidate in map(_clean, candidates):
        if candidate and candidate.casefold() not in publishers:
            return candidate
    return None


def _section(meta: dict[str, str], ld: dict[str, Any], tree: lxml.html.HtmlElement) -> str | None:
    candidates = (
        meta.get("article:section"),
        meta.get("section"),
        _text(ld.get("articleSection")),
        _breadcrumb_section(tree),
    )
    for candidate in map(_clean, candidates):
        if candidate and candidate.casefold() not in _JUNK_SECTIONS and len(candidate) <= 60:
            return candidate
    return None


def _breadcrumb_section(tree: lxml.html.HtmlElement) -> str | None:
    """The crumb after the home page in a JSON-LD BreadcrumbList."""
    for item in _json_ld_all(tree):
        if "BreadcrumbList" not in _types(item):
            continue
        elements = item.get("itemListElement")
        crumbs = [e for e in elements if isinstance(e, dict)] if isinstance(elements, list) else []
        crumbs.sort(key=_position)
        if len(crumbs) >= 3:  # home, section, …, the article itself
            crumb = crumbs[1]
            named = crumb.get("item") if isinstance(crumb.get("item"), dict) else crumb
            return _text(named.get("name")) if isinstance(named, dict) else None
    return None


def strip_site_name(title: str, site: str | None, *, domain: bool = False) -> str:
    """`Title - Site` (or `Site | Title`) becomes `Title` when `Site` is the site's name.

    With `domain`, `site` is a host name and the suffix matches when it names the host's
    main label, however written: "Mozilla - Wikipedia" on en.wikipedia.org, "… | eHow",
    "… [Archive of Our Own]" on archiveofourown.org.
    """
    if domain and site:
        return _strip_domain_suffix(title, site)
    if site:
        name = re.escape(site.strip())
        for pattern in (rf"(.+?){_TITLE_SEPARATOR}{name}", rf"{name}{_TITLE_SEPARATOR}(.+)"):
            match = re.fullmatch(pattern, title.strip(), re.IGNORECASE)
            if match:
                return match.group(1).strip()
    return title


def _strip_domain_suffix(title: str, host: str) -> str:
    labels = [_squash(label) for label in host.split(".") if label not in _GENERIC_LABELS]
    match = re.fullmatch(r"(.+?)\s+(?:[-|–—·»]|::)\s+([^-|–—·»]+)", title.strip())
    match = match or re.fullmatch(r"(.+?)\s*\[([^\[\]]+)\]", title.strip())
    if match and any(label and label in _squash(match.group(2)) for label in labels):
        return match.group(1).strip()
    return title


def parse_date(value: str) -> date | None:
    """A calendar date from ISO-like or CJK (`2024年1月8日`) text, if it is a plausible one."""
    match = _DATE.search(value) or _COMPACT_DATE.match(value.strip())
    if match is None:
        return None
    try:
        found = date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    except ValueError:
        return None
    return found if 1900 <= found.year <= date.today().year + 1 else None


def normalize_language(tag: str) -> str | None:
    """A BCP 47 tag reduced to what we distinguish: `zh-Hans`, `zh-Hant`, `zh`, else the
    primary language (`en-GB` → `en`)."""
    tag = tag.strip()
    if not _LANGUAGE.fullmatch(tag):
        return None
    primary, *rest = tag.replace("_", "-").lower().split("-")
    if primary != "zh":
        return primary
    if {"hant", "tw", "hk", "mo"} & set(rest):
        return "zh-Hant"
    if {"hans", "cn", "sg", "my"} & set(rest):
        return "zh-Hans"
    return "zh"


# --- sources ------------------------------------------------------------------------------------


def _meta_tags(tree: lxml.html.HtmlElement) -> dict[str, str]:
    """Every <meta> by its lower-cased property/name/itemprop; the first one wins."""
    found: dict[str, str] = {}
    for element in tree.iter("meta"):
        key = ""
        for attribute in ("property", "name", "itemprop", "http-equiv"):
            key = key or (element.get(attribute) or "").strip().lower()
        content = _clean(element.get("content"))
        for name in key.split() if content else ():  # `property="og:title twitter:title"`
            found.setdefault(name, content or "")
    return found


def _json_ld_article(tree: lxml.html.HtmlElement) -> dict[str, Any]:
    """The first article-like object in the page's JSON-LD blocks, or {}."""
    for item in _json_ld_all(tree):
        if "headline" in item or any(_ARTICLE_TYPE.search(t) for t in _types(item)):
            return item
    return {}


def _json_ld_all(tree: lxml.html.HtmlElement) -> Iterator[dict[str, Any]]:
    """Every object in the page's JSON-LD blocks."""
    for script in tree.iter("script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json":
            continue
        raw = _SCRIPT_WRAPPER.sub("", script.text or "")
        if len(raw) > _MAX_JSON_LD:
            continue
        try:
            data = json.loads(raw, strict=False)
        except (ValueError, RecursionError):
            continue
        yield from _json_ld_items(data)


def _json_ld_items(data: Any) -> Iterator[dict[str, Any]]:
    """Top-level objects, including those in lists and in `@graph`."""
    pending = [data]
    while pending:
        item = pending.pop(0)
        if isinstance(item, list):
            pending.extend(item)
        elif isinstance(item, dict):
            yield item
            graph = item.get("@graph")
            if isinstance(graph, list):
                pending.extend(graph)


def _types(item: dict[str, Any]) -> list[str]:
    value = item.get("@type")
    values = value if isinstance(value, list) else [value]
    return [v for v in values if isinstance(v, str)]


def _first_date(
    meta: dict[str, str], ld: dict[str, Any], tree: lxml.html.HtmlElement, word: dict[str, str]
) -> date | None:
    candidates = [meta.get("article:published_time"), _text(ld.get("datePublished"))]
    candidates += [meta.get(name) for name in _DATE_META[1:]]
    candidates += [_text(ld.get("dateCreated")), word.get("Created"), word.get("LastSaved")]
    candidates += [element.get("datetime") for element in tree.iter("time")]
    for candidate in candidates:
        found = parse_date(candidate or "")
        if found is not None:
            return found
    return None


def _title(tree: lxml.html.HtmlElement) -> str | None:
    for element in tree.iter("title"):
        # An SVG's <title> is a tooltip, not the page's title.
        if not any(parent.tag == "svg" for parent in element.iterancestors()):
            title = _clean(element.text_content())
            if title:  # an empty <title> before the real one names nothing
                return title
    return None


def _h1(tree: lxml.html.HtmlElement) -> str | None:
    """The first <h1> that is not the site's logo (a heading that only links home)."""
    for element in tree.iter("h1"):
        if not _is_home_link(element):
            return _clean(element.text_content())
    return None


def _is_home_link(element: lxml.html.HtmlElement) -> bool:
    links = list(element.iter("a"))
    if len(links) != 1 or _clean(links[0].text_content()) != _clean(element.text_content()):
        return False
    href = (links[0].get("href") or "").strip()
    if not href or href.startswith("#"):  # a link within the page: a contents entry
        return False
    path = urlsplit(href).path
    return path.strip("/.") == "" or path.rsplit("/", 1)[-1].lower() in _HOME_PAGES


def _canonical(tree: lxml.html.HtmlElement) -> str | None:
    for element in tree.iter("link"):
        if "canonical" in (element.get("rel") or "").lower().split():
            return str(element.get("href") or "") or None
    return None


# --- values -----------------------------------------------------------------------------------


def _clean(value: str | None) -> str | None:
    return " ".join(value.split()) or None if value else None


def _first(*values: str | None) -> str | None:
    return next((v for v in map(_clean, values) if v), None)


def _text(value: Any) -> str | None:
    """A JSON-LD value that should be text: a string, or the first string of a list."""
    if isinstance(value, list):
        value = next((v for v in value if isinstance(v, str)), None)
    return value if isinstance(value, str) else None


def _name(value: Any) -> str | None:
    """A JSON-LD person/organisation (or a list of them) as display text."""
    items = value if isinstance(value, list) else [value]
    names = [_text(item.get("name")) if isinstance(item, dict) else _text(item) for item in items]
    return _clean(", ".join(n for n in names if n and not _is_url(n)))


def _person(value: Any) -> str | None:
    """JSON-LD authors, leaving out organisations (a publisher named as the author)."""
    items = value if isinstance(value, list) else [value]
    people = [i for i in items if not (isinstance(i, dict) and _is_organization(i))]
    return _name(people) if people else None


def _is_organization(item: dict[str, Any]) -> bool:
    return any(_ORGANIZATION.search(t) for t in _types(item))


def _host(url: str) -> str | None:
    return (urlsplit(url).hostname or "").removeprefix("www.") or None


def _squash(value: str) -> str:
    return "".join(c for c in value.casefold() if c.isalnum())


def _readable_site(name: str | None, url: str | None) -> str | None:
    """trafilatura makes a name from the host when a page names no site ("Afpbbcom"); the
    host itself reads better."""
    host = _host(url) if url else None
    squashed = name is not None and name.isalnum()  # no space, no dot: a host run together
    if squashed and host and _squash(name or "") == _squash(host):
        return host
    return name


def _entity_id(value: Any) -> str | None:
    return _text(value.get("@id")) if isinstance(value, dict) else _text(value)


def _web_url(value: str | None) -> str | None:
    value = (value or "").strip()
    return value if _is_url(value) and not re.search(r"[\s\x00-\x1f]", value) else None


def _is_url(value: str) -> bool:
    return value.lower().startswith(("http://", "https://"))


def _not_url(value: str | None) -> str | None:
    return None if value is None or _is_url(value.strip()) else value

"""Metadata of a saved web page: OpenGraph, article:*, JSON-LD, <title>, <html lang>."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any
from urllib.parse import urlsplit

import lxml.html
from trafilatura.settings import Document

from reader.importers import json_ld
from reader.importers.dc_creators import dc_creators
from reader.importers.html_values import (
    clean,
    first,
    normalize_language,
    not_url,
    parse_date,
    squash,
    url_host,
    web_url,
)
from reader.importers.page_kinds import (
    is_name_heading,
    manual_title,
    script_properties,
    word_properties,
)

# Between a headline and the site's name after it in a <title>.
_SUFFIX_SEPARATOR = r"[-|–—_｜－·»]+"
_AFTER_HEADING = re.compile(rf"(\s*{_SUFFIX_SEPARATOR}\s*)(.+)")
_TITLE_SEPARATOR = r"\s*(?:[-|–—_·:»｜－]+|\s[-|–—·:»@]\s)\s*"
_SEPARATOR_CHARACTERS = frozenset("-|–—_·:»｜－@")  # every character _TITLE_SEPARATOR spells out
# Title meta tags besides og:title, best first: Dublin Core is set by document publishers
# (standards bodies, libraries) and names the document itself; Parse.ly's by news sites.
_DC_TITLES = ("dc:title", "dcterms:title", "dc.title", "dcterms.title")
_LATE_TITLES = ("parsely-title",)
# Values some sites put in article:section that name no section at all.
_JUNK_SECTIONS = frozenset(
    {"tags", "tag", "uncategorized", "uncategorised", "home", "index", "article", "articles"}
    | {"post", "posts", "page", "default", "none", "null", "nil", "undefined", "misc", "general"}
)
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
            self.site = self.site or clean(document.sitename)
            self.title = self.title or clean(document.title)
            guessed = clean((document.author or "").replace("; ", ", "))
            if guessed and self.site and squash(guessed) == squash(self.site):
                # the site's name in a byline slot ("Mac & i" read as "Mac, I"): the publisher
                guessed = None
            self.author = self.author or guessed
            self.published = self.published or parse_date(document.date or "")
            self.url = self.url or web_url(document.url)
        self._split_title()
        if self.site is None and self.url is not None:
            self.site = url_host(self.url)
        self.site = _readable_site(self.site, self.url)
        if self.title is not None:
            self.title = strip_site_name(self.title, self.site)
            if self.url is not None:
                self.title = strip_site_name(self.title, url_host(self.url), domain=True)
            # A blog's "Title | Author Name" names the author where others name the site.
            self.title = strip_site_name(self.title, self.author)

    def _split_title(self) -> None:
        if self.title is not None and self.heading is not None:
            self._split_title_at_heading(self.page_title or self.title, self.heading)

    def _split_title_at_heading(self, title: str, heading: str) -> None:
        """`<title>Heading_Site</title>` with `<h1>Heading</h1>`: the rest names the site."""
        # The heading is matched as a prefix, not compiled into a pattern: a page's heading
        # is a pattern of its own, compiled anew for every page.
        match = _AFTER_HEADING.fullmatch(title, len(heading)) if title.startswith(heading) else None
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
    meta["dc.creator"] = dc_creators(tree) or ""  # all of them, not only the first
    ld = json_ld.article(tree)
    word = word_properties(markup)
    platform = script_properties(markup)
    publisher = ld.get("publisher")
    site = first(meta.get("og:site_name"), meta.get("application-name"))
    return PageMetadata(
        title=manual_title(tree) or _headline(meta, ld, tree) or clean(platform.get("title")),
        heading=_h1(tree),
        page_title=_title(tree),
        site=site,
        publisher=json_ld.name(publisher),
        author=_author(meta, ld, word, not_named=(site, json_ld.name(publisher)))
        or clean(platform.get("author")),
        published=_first_date(meta, ld, tree, word) or parse_date(platform.get("date", "")),
        url=first(
            web_url(_canonical(tree)),
            web_url(meta.get("og:url")),
            web_url(json_ld.text(ld.get("url"))),
            web_url(json_ld.entity_id(ld.get("mainEntityOfPage"))),
        ),
        section=_section(meta, ld, tree),
        language=first(
            normalize_language(tree.get("lang") or tree.get("xml:lang") or ""),
            normalize_language(meta.get("content-language") or ""),
            normalize_language(meta.get("og:locale") or ""),
            normalize_language(json_ld.text(ld.get("inLanguage")) or ""),
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
    candidates = [clean(meta.get(name)) for name in _DC_TITLES]
    candidates += [clean(meta.get("og:title")), clean(json_ld.text(ld.get("headline")))]
    candidates += [clean(meta.get(name)) for name in _LATE_TITLES]
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
    return first(*candidates, title, heading)


def _ending_heading(title: str, heading: str) -> re.Match[str] | None:
    """`Something · Heading`, with what comes before the heading as group 1."""
    # The heading ends the title, one character for each of its own, after a space: where
    # that character is none, no match is possible, and no pattern is compiled for it.
    start = len(title) - len(heading)
    if not heading or start < 1 or not title[start - 1].isspace():
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
        not_url(meta.get("author")),
        not_url(meta.get("article:author")),
        json_ld.person(ld.get("author")),
        not_url(meta.get("dc.creator")),
        word.get("Author"),
        word.get("LastAuthor"),
    )
    names = [name for name in map(clean, candidates) if name]
    for index, candidate in enumerate(names):
        if candidate.casefold() not in publishers:
            return _full_name(candidate, names[index + 1 :])
    return None


def _full_name(name: str, others: list[str]) -> str:
    """A user name ("devindra") where another source gives the name it is the first word
    of ("Devindra Hardawar"): the name the page shows."""
    if " " in name or not name.islower():
        return name
    return next((other for other in others if other.split()[0].casefold() == name), name)


def _section(meta: dict[str, str], ld: dict[str, Any], tree: lxml.html.HtmlElement) -> str | None:
    candidates = (
        meta.get("article:section"),
        meta.get("section"),
        json_ld.text(ld.get("articleSection")),
        _breadcrumb_section(tree),
    )
    for candidate in map(_readable_section, map(clean, candidates)):
        if candidate and candidate.casefold() not in _JUNK_SECTIONS and len(candidate) <= 60:
            return candidate
    return None


def _readable_section(value: str | None) -> str | None:
    """A section written as the site's path (`/world/middle_east`) as its first part, in
    words (`World`); any other value as it is."""
    if not value or not value.startswith("/") or " " in value:
        return value
    first = next((part for part in value.split("/") if part), "")
    words = re.sub(r"[-_]+", " ", first).strip()
    return words[:1].upper() + words[1:] if words.islower() else words


def _breadcrumb_section(tree: lxml.html.HtmlElement) -> str | None:
    """The crumb after the home page in a JSON-LD BreadcrumbList."""
    for item in json_ld.objects(tree):
        if "BreadcrumbList" not in json_ld.types(item):
            continue
        elements = item.get("itemListElement")
        crumbs = [e for e in elements if isinstance(e, dict)] if isinstance(elements, list) else []
        crumbs.sort(key=_position)
        if len(crumbs) >= 3:  # home, section, …, the article itself
            crumb = crumbs[1]
            named = crumb.get("item") if isinstance(crumb.get("item"), dict) else crumb
            return json_ld.text(named.get("name")) if isinstance(named, dict) else None
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
        name, whole = re.escape(site.strip()), title.strip()
        # The name takes one character of the title for each of its own, and a separator's
        # character or a space meets it: where neither does, its patterns are not compiled.
        size = len(site.strip())
        after = whole[-size - 1] if 0 < size < len(whole) else ""
        before = whole[size] if 0 < size < len(whole) else ""
        for pattern, meets in (
            (rf"(.+?){_TITLE_SEPARATOR}{name}", after),
            (rf"{name}{_TITLE_SEPARATOR}(.+)", before),
        ):
            if not meets or not (meets.isspace() or meets in _SEPARATOR_CHARACTERS):
                continue
            match = re.fullmatch(pattern, whole, re.IGNORECASE)
            if match:
                return match.group(1).strip()
    return title


def _strip_domain_suffix(title: str, host: str) -> str:
    labels = [squash(label) for label in host.split(".") if label not in _GENERIC_LABELS]
    match = re.fullmatch(r"(.+?)\s+(?:[-|–—·»]|::)\s+([^-|–—·»]+)", title.strip())
    match = match or re.fullmatch(r"(.+?)\s*\[([^\[\]]+)\]", title.strip())
    if match and any(label and label in squash(match.group(2)) for label in labels):
        return match.group(1).strip()
    return title


# --- sources ------------------------------------------------------------------------------------


def _meta_tags(tree: lxml.html.HtmlElement) -> dict[str, str]:
    """Every <meta> by its lower-cased property/name/itemprop; the first one wins."""
    found: dict[str, str] = {}
    for element in tree.iter("meta"):
        key = ""
        for attribute in ("property", "name", "itemprop", "http-equiv"):
            key = key or (element.get(attribute) or "").strip().lower()
        content = clean(element.get("content"))
        for name in key.split() if content else ():  # `property="og:title twitter:title"`
            found.setdefault(name, content or "")
    return found


def _first_date(
    meta: dict[str, str], ld: dict[str, Any], tree: lxml.html.HtmlElement, word: dict[str, str]
) -> date | None:
    candidates = [meta.get("article:published_time"), json_ld.text(ld.get("datePublished"))]
    candidates += [meta.get(name) for name in _DATE_META[1:]]
    candidates += [json_ld.text(ld.get("dateCreated")), word.get("Created"), word.get("LastSaved")]
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
            title = clean(element.text_content())
            if title:  # an empty <title> before the real one names nothing
                return title
    return None


def _h1(tree: lxml.html.HtmlElement) -> str | None:
    """The first <h1> that is not the site's logo (a heading that only links home)."""
    for element in tree.iter("h1"):
        if not _is_home_link(element):
            return clean(element.text_content())
    return None


def _is_home_link(element: lxml.html.HtmlElement) -> bool:
    links = list(element.iter("a"))
    if len(links) != 1 or clean(links[0].text_content()) != clean(element.text_content()):
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


def _readable_site(name: str | None, url: str | None) -> str | None:
    """trafilatura makes a name from the host when a page names no site ("Afpbbcom"); the
    host itself reads better."""
    host = url_host(url) if url else None
    squashed = name is not None and name.isalnum()  # no space, no dot: a host run together
    if squashed and host and squash(name or "") == squash(host):
        return host
    return name

"""Typed records passed between the pipeline stages and serialised as the JSON report.

Models are frozen and forbid unknown fields. Extractors build claims with
``model_construct`` (no re-validation in hot loops); everything read from outside
(config, input metadata) and everything written out goes through validation.
"""

import bisect
import collections
import datetime
import functools
import operator
import pickle
from typing import Annotated, Any, Literal, Protocol, TypeVar, get_args

from pydantic import BaseModel, ConfigDict, Field

from factdiff import __version__
from factdiff.text.positions import origin_line

SCHEMA_VERSION = "1"

Severity = Literal["high", "medium", "low"]
SEVERITY_RANK: dict[str, int] = {"high": 0, "medium": 1, "low": 2}


class Record(BaseModel):
    """Base for every model: immutable, strict about unknown keys."""

    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)


RecordType = TypeVar("RecordType", bound=Record)


@functools.cache
def _every_field(model: type[Record]) -> set[str]:
    return set(model.model_fields)


def construct(model: type[RecordType], **values: Any) -> RecordType:
    """Build a record from trusted values with no validation and no defaults: every field must
    be given. For hot loops (a claim per number or name): about 1 µs against 9 µs for
    ``model_construct``; what leaves the program is still validated by its schema. The records
    of a model share one set of the fields given (all of them; records are frozen, and
    ``model_copy`` copies the set before it adds to it): 730 bytes a record less (a report of
    100,000 articles holds 100,000 document records and 55,000 stories)."""
    record = model.__new__(model)
    object.__setattr__(record, "__dict__", values)
    object.__setattr__(record, "__pydantic_fields_set__", _every_field(model))
    object.__setattr__(record, "__pydantic_extra__", None)
    object.__setattr__(record, "__pydantic_private__", None)
    return record


class Document(Record):
    """One article: its exact (sanitised) text and where each line starts."""

    id: str = Field(description="Stable id derived from the text, not the path.")
    path: str
    chars: int
    date: datetime.date | None = Field(default=None, description="When it was published, where the input says.")
    notes: tuple[str, ...] = Field(default=(), description="What was done to read it ('mojibake repaired (ftfy)').")
    encoding: str = Field(default="utf-8", description="How its bytes were decoded.")
    title: str | None = Field(default=None, description="Headline, where the input gives one (JSON, HTML).")
    source: str | None = Field(default=None, description="The outlet that published it, where the input says.")
    url: str | None = Field(default=None, description="Where it was published, where the input says.")
    text: str = Field(exclude=True, repr=False)
    line_starts: tuple[int, ...] = Field(exclude=True, repr=False)
    sentences: tuple[tuple[int, int], ...] = Field(exclude=True, repr=False)
    origin: tuple[tuple[int, int], ...] = Field(
        default=(),
        exclude=True,
        repr=False,
        description="For text extracted from markup: (offset in the text, line in the file) per paragraph.",
    )


class DocumentInfo(Record):
    """What the report says about a document."""

    id: str
    path: str
    chars: int
    date: datetime.date | None = Field(
        default=None, description="Publication date, from the input's metadata or --date; None when unknown."
    )
    notes: tuple[str, ...] = Field(default=(), description="What was done to read it ('mojibake repaired (ftfy)').")
    encoding: str = Field(default="utf-8", description="How its bytes were decoded: BOM, UTF-8, cp1252 or --encoding.")
    title: str | None = Field(default=None, description="Headline, where the input gives one (JSON, HTML).")
    source: str | None = Field(default=None, description="The outlet that published it, where the input says.")
    url: str | None = Field(default=None, description="Where it was published, where the input says.")
    story: str | None = Field(default=None, description="Id of the story the document was grouped into.")
    language: str | None = Field(
        default=None,
        description="ISO 639-1 code of the document's language (CLD2), None when it could not be told; "
        "documents in a language factdiff does not read yet are listed but not checked.",
    )
    copies: tuple[str, ...] = Field(
        default=(), description="Paths of other inputs with exactly this text, read once and folded into this document."
    )


INFO_FIELDS = tuple(DocumentInfo.model_fields)


def packed_info(info: DocumentInfo) -> bytes:
    """A document's record as a run keeps it until the report: its values pickled, about 100
    bytes against 1.5 KB for the record itself."""
    return pickle.dumps(tuple(getattr(info, field) for field in INFO_FIELDS), protocol=pickle.HIGHEST_PROTOCOL)


def unpacked_info(packed: bytes, **changed: Any) -> DocumentInfo:
    """A document's record from ``packed_info``, with the ``changed`` fields' values (its story)."""
    return construct(DocumentInfo, **(dict(zip(INFO_FIELDS, pickle.loads(packed), strict=True)) | changed))


class Story(Record):
    """Documents that cover one story, found from the people, organisations and acronyms they share."""

    id: str = Field(description="Stable: derived from the ids of its documents.")
    label: str = Field(description="The names most of its documents share.")
    documents: tuple[str, ...] = Field(description="Ids of its documents.")
    shared: tuple[str, ...] = Field(description="Names found in at least two of its documents, most shared first.")
    evidence: tuple[str, ...] = Field(
        default=(),
        description="Places, numbers, dates and distinctive words two or more of its documents share, most shared first.",
    )


class ClaimBase(Record):
    """Where a claim was read: exact text, offsets into the document, and its sentence."""

    id: str
    doc: str = Field(description="Id of the document the claim was read from.")
    path: str
    text: str = Field(description="Exact source text: document.text[start:end].")
    start: int
    end: int
    line: int = Field(description="1-based line of start.")
    column: int = Field(description="1-based column of start.")
    sentence: str = Field(description="The sentence that contains the claim.")
    sentence_start: int = Field(description="Offset of the sentence in the document.")
    file_line: int | None = Field(
        default=None,
        description="For text extracted from an HTML page: the page's line where the claim's paragraph starts "
        "(line and column count in the extracted text). None when line is already the file's.",
    )


Modality = Literal["actual", "pledged", "planned", "increment", "unknown"]


class QuantityClaim(ClaimBase):
    """A count of something, read as an interval (``high`` None means unbounded)."""

    kind: Literal["quantity"] = "quantity"
    value: float = Field(description="The number as written, magnitude applied.")
    low: float
    high: float | None
    hedge: str | None = Field(description="Hedge words as written, e.g. 'over', 'about'.")
    unit: str | None = Field(description="'%', a currency sign, or None for a plain count.")
    subject: str | None = Field(description="What is counted, as written.")
    subject_key: str | None = Field(description="Normalised counted subject (synonyms folded).")
    event: str | None = Field(description="What happened to the counted things (killed, displaced...).")
    modality: Modality
    scope: str | None = Field(description="Time scope in the sentence, e.g. 'in 2024', 'since January'.")
    places: tuple[str, ...] = Field(description="Countries and places the sentence ties to the count.")
    reported: datetime.date | None = Field(
        default=None, description="Publication date of the report it was read from, where known."
    )


class PersonClaim(ClaimBase):
    """A mention of a person by name, with the age written with it where there is one."""

    kind: Literal["person"] = "person"
    name: str = Field(description="The name as written, whitespace collapsed, without title.")
    title: str | None
    given: str | None
    initials: str | None
    surname: str
    gender: Literal["female", "male"] | None = Field(description="Gender implied by an honorific.")
    full_name: str | None = Field(description="For a surname-only mention, the full name seen earlier in the document.")
    office: str | None = Field(
        default=None, description="A one-holder office named before the name: 'Secretary of State'."
    )
    office_of: str | None = Field(
        default=None, description="Whose office it is, as written before it: 'United States', 'Kenya'."
    )
    alias_of: str | None = Field(
        default=None, description="The name this one is declared an alias of ('also known as', 'alias')."
    )
    age: int | None = Field(
        default=None, description="An age written with the name: 'John Maddox, 34', '34-year-old John Maddox'."
    )
    reported: datetime.date | None = Field(
        default=None, description="For a claim with an age: publication date of the report, where known."
    )


class PronounClaim(ClaimBase):
    """A gendered pronoun resolved to the one person it can refer to."""

    kind: Literal["pronoun"] = "pronoun"
    pronoun: str
    gender: Literal["female", "male"]
    refers_to: str = Field(description="Full name of the antecedent.")
    antecedent: str = Field(description="Id of the person claim the pronoun refers to.")


class AcronymClaim(ClaimBase):
    """An acronym, with its expansion where the text defines it."""

    kind: Literal["acronym"] = "acronym"
    acronym: str
    expansion: str | None
    introduced: bool = Field(
        description="Written in brackets, as an introduction, with or without a readable expansion."
    )


class OrganisationClaim(ClaimBase):
    """A named organisation ending in a word such as Force, Council or Programme."""

    kind: Literal["organisation"] = "organisation"
    name: str = Field(description="The name as written, whitespace collapsed.")
    key: str = Field(
        description="The name with case, accents, hyphens, spaces, place forms and British/American spelling folded."
    )


class DateClaim(ClaimBase):
    """A calendar date, at the precision it is written, and the event it dates where one is named."""

    kind: Literal["date"] = "date"
    year: int | None = Field(description="None when the text gives no year ('on July 23').")
    month: int | None
    day: int | None
    precision: Literal["day", "month", "year"]
    event: str | None = Field(description="What happened then, normalised: 'assassinated', 'arrived'…")
    subject: str | None = Field(description="Whom or what it happened to: a surname or the place owning the subject.")
    repeating: bool = Field(description="The event is one of several ('another batch arrived').")
    relative: bool = Field(
        description="Written relative to the report ('last October'): resolved from its date, else left without a year."
    )


class QuoteClaim(ClaimBase):
    """Words in quotation marks, and who said them where the text says so."""

    kind: Literal["quote"] = "quote"
    words: str = Field(description="The quotation's words, case, accents and punctuation folded.")
    edges: tuple[int, int] = Field(description="64-bit digests of its first and last words (blocking).")
    speaker: str | None = Field(description="Who the text says spoke them; None when it does not say.")
    verb: str | None = Field(description="The reporting verb: said, told, wrote, according to...")
    translated: bool = Field(
        default=False,
        description="The text says the words were translated ('through an interpreter', 'in German').",
    )


class SentenceClaim(ClaimBase):
    """A sentence long enough to be recognised when another article repeats it with one fact changed."""

    kind: Literal["sentence"] = "sentence"
    halves: tuple[int, int] = Field(
        description="64-bit digests of the sentence's first and second half, case, accents and typography folded."
    )
    reported: datetime.date | None = Field(
        default=None,
        description="Publication date of its document, where known: a number changed between "
        "reports days apart may be an update, not a slip.",
    )


class StatementClaim(ClaimBase):
    """A sentence that states a typed value, as it is indexed to meet its restatements in other words."""

    kind: Literal["statement"] = "statement"
    words: tuple[str, ...] = Field(
        description="Its content words as lemmas, synonyms folded, each once: what a restatement shares."
    )
    reported: datetime.date | None = Field(default=None, description="Publication date of its document, where known.")


Claim = Annotated[
    QuantityClaim
    | PersonClaim
    | PronounClaim
    | AcronymClaim
    | OrganisationClaim
    | DateClaim
    | QuoteClaim
    | SentenceClaim
    | StatementClaim,
    Field(discriminator="kind"),
]


CLAIM_TYPES: dict[str, type[ClaimBase]] = {
    claim_type.model_fields["kind"].default: claim_type for claim_type in get_args(get_args(Claim)[0])
}
"""Every kind of claim and its record type, from the one list above."""

_FIELD_NAMES = {claim_type: tuple(claim_type.model_fields) for claim_type in CLAIM_TYPES.values()}


def claim_id(document: str, kind: str, start: int, end: int) -> str:
    """A claim's id: its document, kind and span."""
    return f"{document}:{kind}:{start}-{end}"


class Texts(Protocol):
    """Where claims get their documents' texts back when they are judged."""

    def text(self, document: str) -> str:
        """The document's text, sanitised exactly as when it was read."""

    def line_starts(self, document: str) -> tuple[int, ...]:
        """The offsets at which the document's lines start."""

    def origin(self, document: str) -> tuple[tuple[int, int], ...]:
        """For text extracted from markup, where its paragraphs start in the file; else ()."""


PackedClaim = tuple[Any, ...]
"""A claim as a named tuple of its fields without id, text, sentence (its length kept), line,
column and file line: a small fraction of the record's memory, for holding a whole archive's claims
between extraction and judgement, and readable by the blocking keys as it is. The rest
comes back from the document on unpacking."""

_PACKED_NAMES = {
    claim_type: tuple(name for name in names if name not in ("id", "text", "line", "column", "file_line"))
    for claim_type, names in _FIELD_NAMES.items()
}


def _packed_type(claim_type: type[ClaimBase]) -> Any:
    name = f"Packed{claim_type.__name__}"
    packed_type = collections.namedtuple(name, _PACKED_NAMES[claim_type])  # type: ignore[misc]
    packed_type.__module__ = __name__
    globals()[name] = packed_type  # found by name when worker processes send claims back
    return packed_type


_PACKED_TYPES = {claim_type: _packed_type(claim_type) for claim_type in CLAIM_TYPES.values()}


_PACKED_FIELDS = {claim_type: operator.itemgetter(*_PACKED_NAMES[claim_type]) for claim_type in CLAIM_TYPES.values()}
"""Each claim record's packed fields, read from its values in one call."""


def pack(claim: ClaimBase) -> PackedClaim:
    values = dict(claim.__dict__, sentence=len(claim.sentence))
    return _PACKED_TYPES[type(claim)]._make(_PACKED_FIELDS[type(claim)](values))  # type: ignore[no-any-return]


def unpack(packed: Any, texts: Texts | None = None) -> Any:
    """The claim record again. Without ``texts`` its text, sentence, line and column are
    None; with them, they are restored from the document."""
    claim_type = CLAIM_TYPES[packed.kind]
    values: dict[str, Any] = packed._asdict()
    document, start = values["doc"], values["start"]
    values["id"] = claim_id(document, values["kind"], start, values["end"])
    values["text"] = values["line"] = values["column"] = values["file_line"] = None
    if texts is not None:
        text = texts.text(document)
        values["text"] = text[start : values["end"]]
        sentence_start = values["sentence_start"]
        values["sentence"] = text[sentence_start : sentence_start + values["sentence"]]
        starts = texts.line_starts(document)
        line = bisect.bisect_right(starts, start)
        values["line"], values["column"] = line, start - starts[line - 1] + 1
        values["file_line"] = origin_line(texts.origin(document), start)
    return construct(claim_type, **values)


class Variant(Record):
    """One side of a discrepancy: a value and the claims that state it."""

    value: str
    claims: tuple[Claim, ...]
    corroborated_by: tuple[str, ...] = Field(
        default=(), description="Ids of the documents that state this value (each counted once)."
    )
    independent: int = Field(
        default=0,
        description="How many of those documents are independent sources: documents whose evidence "
        "sentences are copies of one another's count once.",
    )


class Agreement(Record):
    """The same claim made alike in several documents (a quotation word for word): corroboration,
    the other side of a discrepancy."""

    id: str = Field(description="Stable across runs on the same input.")
    kind: str
    subject: str
    value: str
    claims: tuple[Claim, ...]
    corroborated_by: tuple[str, ...] = Field(description="Ids of the documents that agree.")
    independent: int = Field(description="Independent sources among them: copied passages count once.")
    story: str | None = None


class Discrepancy(Record):
    """Comparable claims that cannot all be true, with evidence for each side."""

    id: str = Field(description="Stable across runs on the same input.")
    code: str = Field(description="Stable rule code, e.g. FD101.")
    rule: str = Field(description="Kebab-case rule name.")
    kind: str
    subject: str
    severity: Severity
    confidence: float = Field(ge=0, le=1)
    explanation: str
    scope: Literal["within", "across"] = Field(description="'within' one document, or 'across' documents.")
    variants: tuple[Variant, ...] = Field(min_length=2)
    story: str | None = Field(default=None, description="Id of the story whose documents the claims come from.")


Verdict = Literal["supported", "contradicted", "unsupported"]
VERDICTS: tuple[Verdict, ...] = get_args(Verdict)


class Span(Record):
    """A stretch of one document: where a check's claim or its evidence is written."""

    doc: str = Field(description="Id of the document.")
    path: str
    text: str = Field(description="Exact text: the document's text between start and end.")
    start: int
    end: int
    line: int = Field(description="1-based line of start.")
    column: int = Field(description="1-based column of start.")
    sentence: str = Field(description="The sentence that holds it.")


class Check(Record):
    """One claim of a derived text (a rewrite, a summary, a translation) traced to its source."""

    id: str = Field(description="Stable: the derived document, the claim's kind and its span.")
    kind: str = Field(
        description="What is checked: number, date, person, organisation, place, name (a name in "
        "lower-cased text, whatever it names), quote, word (a word whose opposite the source says about "
        "the same thing), or the kind of a finding's claim (pronoun)."
    )
    claim: Span = Field(description="Where the derived text makes the claim.")
    verdict: Verdict = Field(
        description="supported: the source says it; contradicted: the source says otherwise (a discrepancy); "
        "unsupported: nothing in the source gives it."
    )
    evidence: tuple[Span, ...] = Field(
        default=(),
        description="supported: where the source says it; contradicted: what the source says instead; "
        "unsupported: the source sentence nearest in words, as context only.",
    )
    finding: str | None = Field(default=None, description="Id of the discrepancy that contradicts it.")
    explanation: str


class Tool(Record):
    name: str = "factdiff"
    version: str = __version__


class Warning_(Record):  # noqa: N801 - Warning is a builtin; the schema calls it "Warning"
    """A problem with one input that did not stop the run."""

    model_config = ConfigDict(frozen=True, extra="forbid", title="Warning")
    path: str
    message: str


class Report(Record):
    """The whole result of a run: the public JSON contract."""

    schema_version: Literal["1"] = SCHEMA_VERSION
    tool: Tool = Tool()
    documents: tuple[DocumentInfo, ...]
    stories: tuple[Story, ...] = ()
    discrepancies: tuple[Discrepancy, ...]
    agreements: tuple[Agreement, ...] = Field(
        default=(), description="Claims several documents make alike (aligned quotations), with their sources."
    )
    suppressed: int = Field(default=0, description="Findings left out as already reviewed (config, baseline).")
    in_baseline: int = Field(default=0, description="How many of the suppressed findings the baseline holds.")
    warnings: tuple[Warning_, ...] = ()
    sources: tuple[str, ...] = Field(
        default=(), description="`factdiff check`: ids of the documents read as the source; the others are derived."
    )
    checks: tuple[Check, ...] = Field(
        default=(), description="`factdiff check`: each claim of the derived documents, traced to the source."
    )


class DiscrepancyLine(Discrepancy):
    """A discrepancy as one line of ``--format jsonl``."""

    type: Literal["discrepancy"] = "discrepancy"


class WarningLine(Warning_):
    """A warning as one line of ``--format jsonl``: after the discrepancies, one per input problem."""

    model_config = ConfigDict(title="WarningLine")
    type: Literal["warning"] = "warning"


class ClaimList(Record):
    """Output of ``factdiff claims``: what the tool read."""

    schema_version: Literal["1"] = SCHEMA_VERSION
    tool: Tool = Tool()
    documents: tuple[DocumentInfo, ...]
    claims: tuple[Claim, ...]
    warnings: tuple[Warning_, ...] = ()

"""FD202 pronoun-mismatch: a person introduced with a gendered honorific ("Ms") and later
referred to with a pronoun of the other gender ("he"), within one article.

Only pronouns the extractor resolved unambiguously are used, and only honorifics
(Ms, Mrs, Mr, Sir, ...) set the expected gender: a given name's usual gender is not
evidence enough to contradict a text. The extractor ties a pronoun to a name only with no
unnamed person ("a deputy", "authorities") before it, no quotation's edge between them, when
it is not the speaker of a quotation ("…, he said") and not a typo for "be" ("can he heard");
one that contradicts the name's known gender, only when no other person who may be of the
pronoun's gender is named in its sentence or the two before.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from factdiff.judge import Examples, Rule, discrepancy
from factdiff.models import Discrepancy, PersonClaim, PronounClaim
from factdiff.text.fold import fold

PersonOrPronoun = PersonClaim | PronounClaim


def block_keys(claim: PersonOrPronoun) -> Iterable[str]:
    """Only people known by a full name: a lone surname may be shared by two people."""
    if claim.kind == "pronoun":
        if " " in claim.refers_to:
            yield f"{claim.doc}:{fold(claim.refers_to)}"
    elif claim.gender is not None and (claim.full_name or claim.given):
        yield f"{claim.doc}:{fold(claim.full_name or claim.name)}"


def judge(claims: Sequence[PersonOrPronoun]) -> Iterable[Discrepancy]:
    honorifics = [c for c in claims if isinstance(c, PersonClaim)]
    pronouns = [c for c in claims if isinstance(c, PronounClaim)]
    if not honorifics or not pronouns:
        return
    expected = honorifics[0].gender
    if any(c.gender != expected for c in honorifics):
        return
    against = [p for p in pronouns if p.gender != expected]
    if not against:
        return
    agreeing = [p for p in pronouns if p.gender == expected]
    name = honorifics[0].full_name or honorifics[0].name
    title = honorifics[0].title or ""
    pronoun_words = "/".join(sorted({p.pronoun.lower() for p in against}))
    yield discrepancy(
        RULE,
        subject=f"gender of {title} {name}".replace("  ", " "),
        key=block_keys(honorifics[0]).__next__(),
        variants=[
            (f"{expected} ({title})", [*honorifics, *agreeing]),
            (f"{against[0].gender} ({pronoun_words})", against),
        ],
        severity="medium",
        confidence=0.75,
        explanation=(
            f"{name} is introduced as “{title}” ({expected}) but later called “{pronoun_words}”, "
            "with no other person in between that the pronoun could refer to."
        ),
    )


RULE = Rule(
    code="FD202",
    name="pronoun-mismatch",
    kind="pronoun",
    reads=("person", "pronoun"),
    summary="A person's honorific and a pronoun that refers to them disagree on gender.",
    why="Misgendering a named person is an error readers notice and editors must correct.",
    keys=block_keys,
    judge=judge,
    examples=Examples(
        catch=(
            ("The plan was revealed by Ms Kimberly Penland, who said he would present it.",),
            ("Mr John Mbadi, who chairs the budget committee, said she would table the bill on Thursday.",),
            ("Mrs Ann Lee, 64, said he had lived in the village all his life.",),
            # a whole quotation between the name and the pronoun is no boundary crossed
            ("Ms Ann Lee, who called the plan “a good start”, said he was proud.",),
            ("Mr Tom Berry was being taken to court when she escaped.",),
            ("Ms Ann Lee met the board on Monday. They talked for an hour. Ms Ann Lee said he was tired.",),
            ("Ms Ann Lee said he could be heard across the valley.",),
        ),
        miss=(
            ("Ms Ann Lee met Mr Tom Berry and he said the plan was ready.",),
            ("Ms Kimberly Penland said her husband had drawn up the plan and that he would present it.",),
            # the name inside the quotation is not who speaks after it
            ("Ms Ann Lee defended the choice. “It was a fine pick by Mr Tom Berry,” she told reporters.",),
            # an unnamed person before the pronoun: the deputy's gun, the spokesman who said it
            ("Mr Tom Berry was being taken to court when he overpowered a deputy and took her keys.",),
            ("The authorities did not know whether Ms Ann Lee's car was involved, he said.",),
            # another man named two sentences before
            ("Ms Ann Lee met Mr Tom Berry on Monday. They talked for an hour. Ms Ann Lee said he was kind.",),
            # 'can he heard' is a typo for 'can be heard', not a pronoun
            ("Ms Ann Lee sang, and her voice can he heard across the valley.",),
        ),
    ),
)

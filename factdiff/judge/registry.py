"""Every conflict rule, in report order, and every code a reader can select and read about."""

from factdiff.judge import (
    Code,
    Rule,
    acronym,
    acronym_expansion,
    age,
    date,
    edited,
    misattribution,
    name,
    office_holder,
    organisation,
    pronoun,
    quantity,
    quote_drift,
    reworded,
    role,
)

RULE_MODULES = (
    quantity,
    name,
    office_holder,
    role,
    age,
    pronoun,
    acronym,
    acronym_expansion,
    organisation,
    date,
    quote_drift,
    misattribution,
    edited,
    reworded,
)
"""One rule each, in the order their blocks are judged (the fallbacks FD401 and FD402 come last)."""
RULES: tuple[Rule, ...] = tuple(module.RULE for module in RULE_MODULES)
CODES: tuple[Code, ...] = tuple(code for rule in RULES for code in rule.codes)
"""Each rule's code followed by the codes it declares (FD101, FD102, FD201…)."""

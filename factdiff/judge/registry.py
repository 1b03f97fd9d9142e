"""Every conflict rule, in report order."""

from factdiff.judge import Rule, acronym, date, edited, name, office, organisation, pronoun, quantity, quote

RULE_MODULES = (quantity, name, office, pronoun, acronym, organisation, date, quote, edited)
RULES: tuple[Rule, ...] = tuple(rule for module in RULE_MODULES for rule in module.RULES)

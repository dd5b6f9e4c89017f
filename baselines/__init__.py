"""Reference extractors to score against: ``rule_based`` (patterns and lexicons, no learning)."""

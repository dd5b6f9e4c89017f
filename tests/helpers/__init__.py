"""What the tests share: paths, hand-checkable cases, gold editing, the fixtures of the growth
and language-model tests, and the Label Studio server and browser helpers."""

"""Growing and adjudicating a corpus: the corpus folder and its articles (add), pre-annotation,
diff and adjudication of two annotations, and writing records. The lowest room of annotate/:
it imports no other room."""

"""The Hugging Face dataset: Parquet configs, the token view, the dataset card, counts and the
datasheet's generated blocks, publishing. Imports only the corpus room."""

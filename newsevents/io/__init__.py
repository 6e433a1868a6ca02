"""Readers and writers: JSON, JSON Lines and Parquet (Arrow schema derived from the models)."""

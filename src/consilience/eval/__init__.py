"""Scorers that compare extraction with gold annotations and print precision, recall, F1."""

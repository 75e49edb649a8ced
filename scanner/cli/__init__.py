"""The horizonscan command line."""

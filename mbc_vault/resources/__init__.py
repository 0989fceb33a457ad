"""Data the core ships inside the package (found with importlib.resources): the question templates."""

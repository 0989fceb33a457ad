"""Data the app ships inside the package (found with importlib.resources): translations and styles."""

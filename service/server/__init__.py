"""The gunicorn side: its configuration, hooks and patches, draining, admission to the model."""

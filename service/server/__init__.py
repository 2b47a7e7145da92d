"""What runs around the app inside gunicorn: worker classes and their hooks."""

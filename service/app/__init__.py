"""Flask-wide plumbing: errors (problem+json), auth, CORS, ?pretty, the JSON provider."""

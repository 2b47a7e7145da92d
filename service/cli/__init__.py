"""`enrich annotate`: the service's own pipeline over files, without a server."""

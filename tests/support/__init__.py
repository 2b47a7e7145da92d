"""Test helpers (bench/ and scripts/ import them too): contract checks, a real server, manifests."""

"""Maintainer tools: regenerate committed artefacts from their single sources."""

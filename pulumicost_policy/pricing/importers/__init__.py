"""Importers: one module per price-data format, each turning a vendor file into store Rows."""

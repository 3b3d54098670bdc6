"""The document library in the window: the Documents section, importing, the viewer and the search box."""

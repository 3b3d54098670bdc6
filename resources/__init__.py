"""Icons, style sheets and data files the app loads at run time (shipped as opinionkit.resources)."""

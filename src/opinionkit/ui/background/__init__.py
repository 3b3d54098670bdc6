"""The person's health background in the window: a table per kind of record, forms, the change
log, and the health summary saved as a PDF or exported as a FHIR patient summary."""

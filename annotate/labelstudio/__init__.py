"""The Label Studio round trip: the labelling config generated from the schema, records to tasks
and back, the local server (serve, pull). Imports only the corpus room."""

"""Team mode: the store on a PostgreSQL server with pgvector (see docs and README, "Team mode")."""

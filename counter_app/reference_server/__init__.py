"""A reference implementation of the provincial sync contract, for tests, benchmarks and trying the app."""

"""The `reader` command line: thin argparse front ends over the Library facade."""

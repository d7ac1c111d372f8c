"""`python -m policygraph` runs the command line."""

from policygraph.cli import main

if __name__ == "__main__":
    main()

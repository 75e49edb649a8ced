"""Entry point of the frozen `horizonscan` command line."""

import multiprocessing

if __name__ == "__main__":
    multiprocessing.freeze_support()
    from cli.main import run

    run()

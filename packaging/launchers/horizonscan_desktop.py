"""Entry point of the frozen desktop app (PyInstaller runs this file as __main__)."""

import multiprocessing

if __name__ == "__main__":
    multiprocessing.freeze_support()  # the engine process starts from this same executable
    from desktop.app import run

    run()

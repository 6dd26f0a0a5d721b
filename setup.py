"""Build hook: a normal install (``pip install .``, ``pipx install .``) carries the built-in clause library.

The clauses and templates live at the top of the checkout, where lawyers review them as plain files; a wheel
gets a copy under ``assembler/_builtin/``, which ``assembler.library.loading`` reads when there is no
checkout beside the package. An editable install keeps reading the checkout itself.
"""

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

HERE = Path(__file__).resolve().parent
LIBRARY = ("clauses", "templates")


class BuildWithLibrary(build_py):
    def run(self) -> None:
        super().run()
        if getattr(self, "editable_mode", False):
            return
        target = Path(self.build_lib) / "assembler" / "_builtin"
        for name in LIBRARY:
            if (target / name).exists():
                shutil.rmtree(target / name)
            shutil.copytree(HERE / name, target / name, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))


setup(cmdclass={"build_py": BuildWithLibrary})

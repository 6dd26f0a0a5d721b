"""The README is the manual: its commands must work as written."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import docx

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def shell_blocks() -> list[str]:
    return re.findall(r"```sh\n(.*?)```", README, re.S)


def test_the_first_command_installs_and_assembles_the_bundled_example(run_cli, tmp_path, monkeypatch):
    first = shell_blocks()[0].strip().splitlines()[0]
    install, _, job = first.partition(" && ")
    assert install == "pip install -e ."
    argv = shlex.split(job)
    assert argv[0] == "assembler"
    argv = [str(ROOT / a) if a.startswith("examples/") else a for a in argv[1:]]
    monkeypatch.chdir(tmp_path)
    code, out, err = run_cli(*argv)
    assert code == 0, err
    written = tmp_path / argv[argv.index("-o") + 1]
    assert "MEMORANDUM OF LAW" in "\n".join(p.text for p in docx.Document(written).paragraphs).upper()


def test_the_line_after_the_first_command_writes_the_pdf_to_file(run_cli, tmp_path, monkeypatch):
    from conftest import require_layout_tools

    require_layout_tools()
    command = shell_blocks()[0].strip().splitlines()[1].split("#")[0]
    argv = shlex.split(command)
    assert argv[:3] == ["assembler", "pdf", "memorandum.docx"]
    monkeypatch.chdir(tmp_path)
    assert run_cli("render", "rule-12b2-motion", "--answers", ROOT / "examples" / "cepia-motion.yaml",
                   "-o", "memorandum.docx", "--no-layout")[0] == 0
    code, out, err = run_cli(*argv[1:])
    assert code == 0, err
    assert (tmp_path / "memorandum.pdf").read_bytes().startswith(b"%PDF-")


def test_the_second_command_is_the_one_ci_runs():
    second = shell_blocks()[1].strip()
    assert second == "pip install -e '.[test]' && python -m pytest -q"
    assert second in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def test_every_command_the_readme_shows_exists(capsys):
    """Each `assembler COMMAND [SUBCOMMAND]` the README shows is one the command line accepts: asking it for
    --help exits 0, where an unknown command exits 2."""
    from assembler.cli.main import main

    def accepts(*words: str) -> bool:
        try:
            main([*words, "--help"])
        except SystemExit as exit_:
            capsys.readouterr()
            return exit_.code == 0
        raise AssertionError(f"assembler {' '.join(words)} --help did not exit")

    assert not accepts("no-such-command") and not accepts("clauses", "no-such-subcommand")
    shown = set()
    for block in shell_blocks():
        for line in block.splitlines():
            words = [w for w in line.split("#")[0].split() if not w.startswith(("[", "…"))]
            if words[:1] != ["assembler"] or len(words) < 2:
                continue
            if words[1] == "--library":
                continue
            command = words[1:3] if len(words) > 2 and not words[2].startswith("-") and accepts(*words[1:3]) \
                else words[1:2]
            assert accepts(*command), f"README shows an unknown command: {line}"
            shown.add(words[1])
    assert {"render", "new", "templates", "clauses", "authorities"} <= shown


def test_the_python_example_runs_as_written(tmp_path, monkeypatch):
    block = re.findall(r"```python\n(.*?)```", README, re.S)[0]
    monkeypatch.chdir(tmp_path)
    (tmp_path / "examples").symlink_to(ROOT / "examples")
    namespace: dict = {}
    exec(compile(block, "README.md", "exec"), namespace)  # noqa: S102 - the README's own example
    assert (tmp_path / "memorandum.docx").is_file()
    assert namespace["result"].docx_path.name == "memorandum.docx"
    assert namespace["report"].findings == []


def test_the_layout_section_names_every_room():
    import assembler

    package = Path(assembler.__file__).parent
    rooms = {p.name for p in package.iterdir() if p.is_dir() and (p / "__init__.py").exists()}
    table = README.split("## Layout of the code", 1)[1].split("\n## ", 1)[0]
    for room in rooms:
        assert f"`{room}/`" in table, room

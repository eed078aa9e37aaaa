"""The CLI's bad-input paths: exit 2 and one line, never a traceback."""

import subprocess
import sys


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "reader", *args], capture_output=True, text=True, timeout=60
    )


def test_missing_file_is_one_line_exit_2(tmp_path):
    result = run("export", str(tmp_path / "nope.txt"))
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "no such file" in result.stderr


def test_directory_is_refused(tmp_path):
    result = run("export", str(tmp_path))
    assert result.returncode == 2
    assert "directory" in result.stderr and result.stderr.count("\n") == 1


def test_binary_file_is_refused(tmp_path):
    path = tmp_path / "image.bin"
    path.write_bytes(bytes(range(256)) * 40)
    result = run("export", str(path))
    assert result.returncode == 2
    assert "binary" in result.stderr and "Traceback" not in result.stderr


def test_empty_file_is_refused(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_text("  \n\n")
    result = run("scenes", str(path))
    assert result.returncode == 2
    assert "empty" in result.stderr and result.stderr.count("\n") == 1


def test_unknown_flag_is_one_line(tmp_path):
    result = run("--frobnicate")
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1

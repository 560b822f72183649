"""Every gold file's spans, ids and vocabularies agree with its articles and the codebook."""

import subprocess
import sys

import pytest

from tests.codebook import REPO

CHECKER = REPO / "tests" / "fixtures" / "check_gold.py"


@pytest.mark.parametrize(
    "folder",
    ["eval", "blind", "blind2", "blind3", "blind4", "blind5", "blind6", "blind7", "blind8"],
)
def test_gold_file_is_consistent(folder):
    proc = subprocess.run(
        [sys.executable, str(CHECKER), str(REPO / "tests" / "fixtures" / folder)],
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    assert "gold.json OK" in proc.stdout

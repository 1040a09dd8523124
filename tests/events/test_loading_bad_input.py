"""Input load_reports cannot take as it is: each named in one line, the rest still loads."""

import io
import multiprocessing
import os
import tempfile
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from events.extraction import ReportError
from events.loading import decode_report_text, find_report_files, load_report_file
from events.models import Report

GOOD = (
    "Low-Carbon Towns Symposium convened in Hangzhou\n\n"
    "On 3 March 2022 the Low-Carbon Towns Symposium was held in Hangzhou. "
    "Mr. Chen Ming, deputy director of the Zhejiang Development Research Center, said towns "
    "must cut emissions.\n"
)
JAPANESE = (
    "東京で低炭素フォーラム開催\n\n2022年3月3日、東京で低炭素社会フォーラムが開催された。"
    "環境省の田中一郎局長は、企業は排出量を削減しなければならないと述べた。\n"
)
TRADITIONAL = (
    "杭州低碳城鎮研討會召開\n\n2022年3月3日，低碳城鎮研討會在杭州舉行。"
    "浙江發展研究中心副主任陳明表示，城鎮必須減少排放。\n"
)
SIMPLIFIED = "2022年3月3日，低碳城镇研讨会在杭州举行。浙江省发展研究中心副主任陈明表示。\n"


def run(*args) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command("load_reports", *args, "--no-progress", stdout=out, stderr=err)
    except CommandError as exc:
        return out.getvalue(), err.getvalue() + f"CommandError: {exc}\n"
    return out.getvalue(), err.getvalue()


def error_lines(err: str) -> list[str]:
    return [line for line in err.splitlines() if ": error: " in line]


@pytest.mark.django_db
def test_a_file_name_that_is_not_utf8_is_named_escaped_and_the_rest_load(tmp_path):
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    with open(os.fsencode(tmp_path) + b"/caf\xe9.txt", "wb") as bad:
        bad.write(GOOD.replace("Chen Ming", "Li Hua").encode())
    out, err = run(str(tmp_path))
    assert [line.rsplit("/", 1)[-1] for line in error_lines(err)] == [
        "caf\\xe9.txt: error: the file name is not valid UTF-8; rename the file to load it"
    ]
    assert err.endswith("CommandError: 1 report(s) could not be loaded; see above.\n")
    assert list(Report.objects.values_list("file_name", flat=True)) == ["good.txt"]


@pytest.mark.django_db
def test_a_symlink_loop_in_a_folder_is_a_failure_and_the_rest_load(tmp_path):
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "again").symlink_to(tmp_path)
    (tmp_path / "self.txt").symlink_to(tmp_path / "self.txt")
    out, err = run(str(tmp_path))
    assert [line.rsplit("/", 1)[-1] for line in error_lines(err)] == [
        "again: error: a symbolic link loop: this folder is inside itself; not followed",
        "self.txt: error: a symbolic link loop: the link points back at itself",
    ]
    assert err.endswith("CommandError: 2 report(s) could not be loaded; see above.\n")
    assert "1 report(s): 1 new" in out


def _find_as_nobody(folder: str, queue) -> None:
    os.setgid(65534)
    os.setuid(65534)
    files, problems = find_report_files([folder])
    queue.put(([p.name for p in files], [(Path(p.name).name, p.error) for p in problems]))


def find_without_privileges(folder: Path):
    """Root reads every folder whatever its mode; the walk runs as nobody to meet one it cannot."""
    if os.geteuid() != 0:
        files, problems = find_report_files([folder])
        return [p.name for p in files], [(Path(p.name).name, p.error) for p in problems]
    queue = multiprocessing.get_context("fork").Queue()
    child = multiprocessing.get_context("fork").Process(
        target=_find_as_nobody, args=(str(folder), queue)
    )
    child.start()
    found = queue.get(timeout=30)
    child.join()
    return found


def test_an_unreadable_folder_is_reported_as_a_failure():
    with tempfile.TemporaryDirectory() as top:
        root = Path(top)
        root.chmod(0o755)
        (root / "good.txt").write_text(GOOD, encoding="utf-8")
        (root / "locked").mkdir()
        (root / "locked" / "hidden.txt").write_text(GOOD, encoding="utf-8")
        (root / "locked").chmod(0o000)
        try:
            files, problems = find_without_privileges(root)
        finally:
            (root / "locked").chmod(0o755)
    assert files == ["good.txt"]
    assert problems == [("locked", "cannot read the folder: Permission denied")]


def test_shift_jis_and_big5_are_decoded_by_the_last_resort():
    assert decode_report_text((GOOD + JAPANESE).encode("shift_jis")) == (GOOD + JAPANESE, "cp932")
    assert decode_report_text(TRADITIONAL.encode("big5")) == (TRADITIONAL, "big5")


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (
            "Café Forum\n".encode() + SIMPLIFIED.encode("gbk"),
            "the file mixes encodings: line 1 is UTF-8, line 2 is not; "
            "save it in one encoding (UTF-8) to load it",
        ),
        (
            SIMPLIFIED.encode("gbk") + TRADITIONAL.encode("big5"),
            "the encoding of the file cannot be told with confidence (it is not UTF-8, UTF-16 "
            "or GBK, and reads as garbage in cp1252); save it as UTF-8 to load it",
        ),
        (
            (GOOD + "Café\n").encode("cp1252") + JAPANESE.encode("shift_jis"),
            "the file is in no encoding we can read (UTF-8, UTF-16, GBK, cp1252)",
        ),
    ],
    ids=["utf8-and-gbk", "gbk-and-big5", "cp1252-and-shift-jis"],
)
def test_text_of_uncertain_encoding_is_refused(data, message):
    with pytest.raises(ReportError) as refused:
        decode_report_text(data)
    assert str(refused.value) == message


@pytest.mark.django_db
def test_a_refused_encoding_is_one_failure_line_and_nothing_stored(tmp_path):
    (tmp_path / "mixed.txt").write_bytes(SIMPLIFIED.encode("gbk") + TRADITIONAL.encode("big5"))
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    out, err = run(str(tmp_path))
    assert [line.split(": error: ")[1][:40] for line in error_lines(err)] == [
        "the encoding of the file cannot be told "
    ]
    assert list(Report.objects.values_list("file_name", flat=True)) == ["good.txt"]


@pytest.mark.django_db
def test_an_unchanged_report_is_skipped_before_extraction(tmp_path, django_assert_num_queries):
    path = tmp_path / "good.txt"
    path.write_text(GOOD, encoding="utf-8")
    assert load_report_file(path).result.status == "created"
    # One look for a tombstone, one for a report of that name or text: nothing extracted.
    with django_assert_num_queries(2):
        outcome = load_report_file(path)
    assert (outcome.result.status, outcome.error, outcome.notice) == ("unchanged", None, None)

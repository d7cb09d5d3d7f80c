"""abi_manifest.py finds what the manifest misses and the growth rules it
breaks: each case changes a copy of the headers or of the manifest.

Usage: abi_manifest_tool_test.py SDK_ABI_DIR INCLUDE_DIR"""

import copy
import json
import shutil
import sys
import tempfile
import unittest
from pathlib import Path

SDK_ABI_DIR, INCLUDE_DIR = Path(sys.argv[1]), Path(sys.argv[2])
sys.path.insert(0, str(SDK_ABI_DIR))
import abi_manifest  # noqa: E402

MANIFEST = json.loads((SDK_ABI_DIR / "perfreport_abi_1.json").read_text())
MAJOR, MINOR = (int(part) for part in MANIFEST["version"].split("."))
CURRENT = f"{MAJOR}.{MINOR}"
NEXT = f"{MAJOR}.{MINOR + 1}"


def struct(manifest, name):
    return next(s for s in manifest["structs"] if s["name"] == name)


def constant(manifest, name):
    return next(c for c in manifest["constants"] if c["name"] == name)


def grown(manifest):
    """A copy of `manifest` one minor later, with nothing added yet."""
    manifest = copy.deepcopy(manifest)
    manifest["version"] = NEXT
    constant(manifest, "PR_ABI_VERSION_MINOR")["value"] = MINOR + 1
    return manifest


class ManifestToolTest(unittest.TestCase):
    def setUp(self):
        self.folder = Path(tempfile.mkdtemp())
        shutil.copytree(INCLUDE_DIR / "perfreport", self.folder / "perfreport")

    def tearDown(self):
        shutil.rmtree(self.folder)

    def edit_header(self, name, old, new):
        header = self.folder / "perfreport" / "abi" / name
        text = header.read_text()
        self.assertIn(old, text)
        header.write_text(text.replace(old, new, 1))

    def problems(self, manifest=MANIFEST):
        return abi_manifest.manifest_problems(manifest, abi_manifest.read_headers(self.folder))

    def test_the_committed_manifest_records_the_headers(self):
        self.assertEqual(self.problems(), [])

    def test_a_field_appended_to_a_header_must_be_recorded(self):
        self.edit_header("host.h", "} PR_Host;", "    int32_t extra;\n} PR_Host;")
        self.assertEqual(self.problems(), ["field PR_Host.extra is in the headers but not in the manifest"])

    def test_a_new_constant_must_be_recorded(self):
        self.edit_header("status.h", "#define PR_SKIPPED", "#define PR_ERR_NEW 10\n#define PR_SKIPPED")
        self.assertEqual(self.problems(), ["constant or macro PR_ERR_NEW is in the headers but not in the manifest"])

    def test_a_new_struct_must_be_recorded(self):
        self.edit_header("sink.h", "#endif", "typedef struct PR_Extra {\n    uint32_t struct_size;\n} PR_Extra;\n#endif")
        self.assertEqual(self.problems(), ["struct PR_Extra is in the headers but not in the manifest"])

    def test_a_removed_field_is_reported(self):
        self.edit_header("column.h", "    const uint8_t*  valid;\n", "")
        self.assertEqual(len(self.problems()), 1)
        self.assertIn("field PR_Column.valid is in the manifest but not in the headers", self.problems()[0])

    def test_reordered_fields_are_reported(self):
        self.edit_header("column.h", "    const char*     name;\n    const char*     unit;",
                         "    const char*     unit;\n    const char*     name;")
        self.assertEqual(len(self.problems()), 1)
        self.assertIn("struct PR_Column: the headers order the fields", self.problems()[0])

    def test_nothing_may_be_newer_than_the_manifest_version(self):
        manifest = copy.deepcopy(MANIFEST)
        struct(manifest, "PR_Host")["fields"][-1]["since"] = NEXT
        last = struct(manifest, "PR_Host")["fields"][-1]["name"]
        self.assertEqual(self.problems(manifest),
                         [f"field PR_Host.{last} is since {NEXT}, newer than the manifest's {CURRENT}"])

    def test_a_field_of_a_later_minor_goes_after_the_older_ones(self):
        manifest = grown(MANIFEST)
        struct(manifest, "PR_Host")["fields"][3]["since"] = NEXT
        problems = self.problems(manifest)
        self.assertIn("field PR_Host.progress (since 1.0) follows a newer field", problems[0])
        self.assertTrue(all("follows a newer field" in problem for problem in problems), problems)

    def test_a_frozen_struct_never_grows(self):
        manifest = grown(MANIFEST)
        struct(manifest, "PR_Column")["fields"][-1]["since"] = NEXT
        self.assertEqual(self.problems(manifest),
                         ["field PR_Column.valid was added to frozen struct PR_Column, which never grows"])

    def test_the_manifest_version_is_the_headers(self):
        manifest = copy.deepcopy(MANIFEST)
        manifest["version"] = NEXT
        self.assertEqual(self.problems(manifest),
                         [f"manifest version {NEXT} is not PR_ABI_VERSION_MAJOR.MINOR ({CURRENT})"])

    def test_headers_of_an_older_minor_match_the_manifest_as_of_then(self):
        manifest = grown(MANIFEST)
        struct(manifest, "PR_Host")["fields"].append(
            {"name": "extra", "type": "int32_t", "offset": 88, "size": 4, "since": NEXT})
        self.assertEqual(self.problems(abi_manifest.as_of(manifest, CURRENT)), [])
        self.assertIn("field PR_Host.extra is in the manifest but not in the headers", self.problems(manifest)[-1])


if __name__ == "__main__":
    unittest.main(argv=sys.argv[:1])

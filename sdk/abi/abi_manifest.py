#!/usr/bin/env python3
"""The ABI manifest (perfreport_abi_1.json) and the headers it describes.

  abi_manifest.py checks MANIFEST OUTPUT
      writes a C header of X-macros, one per size, offset, type and value the
      manifest records; tests/abi compiles it as C and as C++ against abi.h,
      so a layout change or a wrong manifest entry fails a test.
  abi_manifest.py complete MANIFEST INCLUDE_DIR [AS_OF]
      checks that every struct, field, typedef, function and constant of the
      headers under INCLUDE_DIR/perfreport is in the manifest, in header order,
      and that the manifest follows the growth rules (README.md here). With
      AS_OF (e.g. 1.0), the headers are those of that older minor: they must
      declare exactly what the manifest says existed then.

Plain Python 3, no packages: CI runs it from CMake."""

import json
import re
import sys
from pathlib import Path

IDENT = r"[A-Za-z_][A-Za-z0-9_]*"


# ---------------------------------------------------------------- headers --

def strip_comments(text):
    text = re.sub(r"/\*.*?\*/", " ", text, flags=re.S)
    return re.sub(r"//[^\n]*", " ", text)


def join_continuations(text):
    return text.replace("\\\n", " ")


def declared_name(declaration):
    """The name a member or typedef declares: `T (*name)(...)` or `T name`."""
    pointer = re.search(r"\(\s*\*\s*(" + IDENT + r")\s*\)", declaration)
    if pointer:
        return pointer.group(1)
    return re.findall(IDENT, declaration)[-1]


def split_members(body):
    """The member declarations of a struct body, split at `;` outside parentheses."""
    members, depth, current = [], 0, ""
    for char in body:
        depth += char == "("
        depth -= char == ")"
        if char == ";" and depth == 0:
            if current.strip():
                members.append(" ".join(current.split()))
            current = ""
        else:
            current += char
    return members


def read_headers(include_dir):
    """Everything the ABI headers declare, by kind, each in header order."""
    found = {"structs": [], "opaque": [], "typedefs": [], "inline_functions": [], "defines": []}
    abi_dir = Path(include_dir) / "perfreport"
    headers = [abi_dir / "abi.h"] + sorted((abi_dir / "abi").glob("*.h"))
    for header in headers:
        text = join_continuations(strip_comments(header.read_text()))
        where = header.relative_to(abi_dir).as_posix()
        for name in re.findall(r"^\s*#\s*define\s+(PR_\w+)", text, flags=re.M):
            found["defines"].append((name, where))
        for match in re.finditer(r"typedef\s+struct\s+(" + IDENT + r")\s*\{(.*?)\}\s*(" + IDENT + r")\s*;",
                                 text, flags=re.S):
            fields = [declared_name(member) for member in split_members(match.group(2))]
            found["structs"].append((match.group(3), where, fields))
        for match in re.finditer(r"typedef\s+struct\s+(" + IDENT + r")\s+(" + IDENT + r")\s*;", text):
            found["opaque"].append((match.group(2), where))
        without_structs = re.sub(r"typedef\s+struct\s+\w+\s*\{.*?\}\s*\w+\s*;", "", text, flags=re.S)
        for match in re.finditer(r"typedef\s+(?!struct\b)([^;]*);", without_structs):
            found["typedefs"].append((declared_name(match.group(1)), where))
        for match in re.finditer(r"static\s+inline\s+[^(]*?\b(" + IDENT + r")\s*\(", text):
            found["inline_functions"].append((match.group(1), where))
    return found


# --------------------------------------------------------------- manifest --

def version_tuple(text):
    major, minor = text.split(".")
    return int(major), int(minor)


def as_of(manifest, version):
    """The manifest as it was at an older minor: only what existed then."""
    def existed(item):
        return version_tuple(item.get("since", "0.0")) <= version_tuple(version)

    older = {key: ([item for item in value if existed(item)] if isinstance(value, list) else value)
             for key, value in manifest.items()}
    older["structs"] = [dict(s, fields=[f for f in s["fields"] if existed(f)]) for s in older["structs"]]
    older["version"] = version
    older["constants"] = [dict(c, value=version_tuple(version)[1]) if c["name"] == "PR_ABI_VERSION_MINOR" else c
                          for c in older["constants"]]
    return older


def manifest_problems(manifest, headers):
    """Every difference between the manifest and the headers, and every
    broken growth rule, as sentences."""
    problems = []
    current = version_tuple(manifest["version"])
    constants = {c["name"]: c for c in manifest["constants"]}
    header_version = (constants.get("PR_ABI_VERSION_MAJOR", {}).get("value"),
                      constants.get("PR_ABI_VERSION_MINOR", {}).get("value"))
    if header_version != current:
        problems.append(f"manifest version {manifest['version']} is not PR_ABI_VERSION_MAJOR.MINOR "
                        f"({header_version[0]}.{header_version[1]})")

    def check_since(what, item):
        if "since" not in item:
            problems.append(f"{what} has no 'since'")
        elif version_tuple(item["since"]) > current:
            problems.append(f"{what} is since {item['since']}, newer than the manifest's {manifest['version']}")

    def compare(kind, in_headers, in_manifest):
        missing = [name for name in in_headers if name not in in_manifest]
        stale = [name for name in in_manifest if name not in in_headers]
        for name in missing:
            problems.append(f"{kind} {name} is in the headers but not in the manifest")
        for name in stale:
            problems.append(f"{kind} {name} is in the manifest but not in the headers "
                            "(removing or renaming breaks every plugin built before)")

    manifest_structs = {s["name"]: s for s in manifest["structs"]}
    compare("struct", [s[0] for s in headers["structs"]], list(manifest_structs))
    for name, header, fields in headers["structs"]:
        entry = manifest_structs.get(name)
        if entry is None:
            continue
        check_since(f"struct {name}", entry)
        if entry.get("header") != header:
            problems.append(f"struct {name} is declared in {header}, the manifest says {entry.get('header')}")
        listed = [f["name"] for f in entry["fields"]]
        compare("field", [f"{name}.{f}" for f in fields], [f"{name}.{f}" for f in listed])
        if sorted(listed) == sorted(fields) and listed != fields:
            problems.append(f"struct {name}: the headers order the fields {fields}, the manifest {listed} "
                            "(fields are never reordered)")
        growable = entry.get("kind") == "growable"
        if growable and fields[:1] != ["struct_size"]:
            problems.append(f"struct {name} is growable but does not start with struct_size")
        previous = version_tuple(entry.get("since", "0.0"))
        for field in entry["fields"]:
            check_since(f"field {name}.{field['name']}", field)
            since = version_tuple(field.get("since", "0.0"))
            if since < previous:
                problems.append(f"field {name}.{field['name']} (since {field.get('since')}) follows a newer "
                                "field: new fields go at the end")
            if not growable and since != version_tuple(entry.get("since", "0.0")):
                problems.append(f"field {name}.{field['name']} was added to {entry.get('kind')} struct {name}, "
                                "which never grows")
            previous = max(previous, since)

    compare("opaque type", [o[0] for o in headers["opaque"]], [o["name"] for o in manifest["opaque_types"]])
    compare("typedef", [t[0] for t in headers["typedefs"]], [t["name"] for t in manifest["typedefs"]])
    compare("inline function", [f[0] for f in headers["inline_functions"]],
            [f["name"] for f in manifest["inline_functions"]])
    macro_names = [m["name"] for m in manifest["macros"]]
    compare("constant or macro", [d[0] for d in headers["defines"]], list(constants) + macro_names)
    for kind in ("constants", "macros", "typedefs", "opaque_types", "inline_functions", "exported_functions"):
        for item in manifest[kind]:
            check_since(f"{kind[:-1].replace('_', ' ')} {item['name']}", item)
    return problems


# ------------------------------------------------------------- C checks --

def c_string(text):
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def checks_header(manifest, source_name):
    """X-macro lists of every fact the manifest records, for abi_manifest_checks.{c,cpp}."""
    size, field, value, text, types = [], [], [], [], []
    for struct in manifest["structs"]:
        size.append(f"SIZE({struct['name']}, {struct['size']}, {struct['align']})")
        for f in struct["fields"]:
            field.append(f"FIELD({struct['name']}, {f['name']}, {f['offset']}, {f['size']}, {f['type']})")
    for constant in manifest["constants"]:
        if isinstance(constant["value"], str):
            text.append(f"TEXT({constant['name']}, {c_string(constant['value'])})")
        else:
            value.append(f"VALUE({constant['name']}, {constant['value']})")
    for typedef in manifest["typedefs"]:
        types.append(f"TYPEDEF({typedef['name']}, {typedef['type']})")
    for function in manifest["inline_functions"]:
        types.append(f"FUNCTION({function['name']}, {function['type']})")
    for function in manifest["exported_functions"]:
        types.append(f"EXPORTED({function['name']}, {function['symbol']}, {function['type']})")

    def x_macro(name, parameters, items):
        lines = [f"#define {name}({parameters})"] + [f"    {item}" for item in items]
        return " \\\n".join(lines) + "\n"

    return ("/* Generated from " + source_name + " by abi_manifest.py: do not edit. */\n"
            "#ifndef PERFREPORT_ABI_MANIFEST_CHECKS_H\n#define PERFREPORT_ABI_MANIFEST_CHECKS_H\n\n"
            f"#define PERFREPORT_ABI_MANIFEST_VERSION {c_string(manifest['version'])}\n\n"
            + x_macro("PERFREPORT_ABI_SIZES", "SIZE", size) + "\n"
            + x_macro("PERFREPORT_ABI_FIELDS", "FIELD", field) + "\n"
            + x_macro("PERFREPORT_ABI_VALUES", "VALUE", value) + "\n"
            + x_macro("PERFREPORT_ABI_TEXTS", "TEXT", text) + "\n"
            + x_macro("PERFREPORT_ABI_DECLARATIONS", "TYPEDEF, FUNCTION, EXPORTED", types)
            + "\n#endif\n")


def main(argv):
    if not (argv[1:2] == ["checks"] and len(argv) == 4 or argv[1:2] == ["complete"] and len(argv) in (4, 5)):
        print(__doc__, file=sys.stderr)
        return 2
    manifest = json.loads(Path(argv[2]).read_text())
    if argv[1] == "checks":
        output = Path(argv[3])
        text = checks_header(manifest, Path(argv[2]).name)
        if not output.exists() or output.read_text() != text:
            output.write_text(text)
        return 0
    if len(argv) == 5:
        manifest = as_of(manifest, argv[4])
    problems = manifest_problems(manifest, read_headers(argv[3]))
    for problem in problems:
        print(f"{argv[2]}: {problem}")
    if problems:
        print("See sdk/abi/README.md for how to record a change of the ABI.")
        return 1
    print(f"{argv[2]}: every declaration of the headers in {argv[3]} is recorded")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

"""Reading a YAML data file with errors that name the file and line, for price specs and usage."""
from __future__ import annotations

from pathlib import Path
from typing import Any, Sequence

import yaml

from ..inputs.files import InputFileError, read_bytes

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # the C loader keeps pack start fast
_MERGE = "tag:yaml.org,2002:merge"


class _UniqueKeyLoader(_Loader):  # type: ignore[misc,valid-type]
    """Refuses a key said twice in one mapping: YAML keeps the last silently, so a reviewed
    `monthly_hrs: 730` followed by `monthly_hrs: 0` would price the resource at $0. Keys brought in
    by a merge (`<<: *defaults`) may still be overridden, as YAML intends."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict:
        if isinstance(node, yaml.MappingNode):
            first: dict[Any, int] = {}
            for key_node, _ in node.value:
                if key_node.tag == _MERGE:
                    continue
                key = self.construct_object(key_node, deep=True)
                try:
                    if key in first:
                        raise yaml.constructor.ConstructorError(
                            None, None, f"duplicate key {key!r} (first on line {first[key]}); say it once",
                            key_node.start_mark)
                    first[key] = key_node.start_mark.line + 1
                except TypeError:  # an unhashable key: the base constructor says so
                    continue
        return super().construct_mapping(node, deep=deep)


def load_yaml(path: Path, what: str, error: type[Exception]) -> Any:
    """Parse `path`; raise `error` with "<path>[ line N]: <problem>" instead of a traceback."""
    try:  # regular files only, within the size limit: a FIFO would hang pack start, /dev/zero eat memory
        text = read_bytes(path, f"the {what}").decode("utf-8")
    except InputFileError as err:
        raise error(str(err)) from None
    except UnicodeDecodeError as err:
        raise error(f"{path}: cannot read the {what} ({err})") from None
    try:
        return yaml.load(text, Loader=_UniqueKeyLoader)
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        line = f" line {mark.line + 1}" if mark is not None else ""
        raise error(f"{path}{line}: not valid YAML ({getattr(err, 'problem', err)})") from None
    except RecursionError:
        raise error(f"{path}: YAML nested too deeply to be a {what}") from None


def key_line(path: Path, keys: Sequence[str]) -> str:
    """" line N" where the key at `keys` (a path of mapping keys) is written in `path`, else "":
    for an error about a value found after loading, so that it names the line as a parse error does."""
    try:
        node = yaml.compose(read_bytes(path, "the file").decode("utf-8"), Loader=_Loader)
    except (InputFileError, UnicodeDecodeError, yaml.YAMLError, RecursionError):
        return ""
    line = ""
    for key in keys:
        if not isinstance(node, yaml.MappingNode):
            return ""
        found = [(k, v) for k, v in node.value if isinstance(k, yaml.ScalarNode) and k.value == key]
        if not found:
            return ""
        line, node = f" line {found[0][0].start_mark.line + 1}", found[0][1]
    return line

"""Reading a YAML data file with errors that name the file and line, for price specs and usage.

YAML aliases let a few KB stand for millions of values (`&a [*b, *b, ...]` nested: 60 KB became two
million prices). The document is composed first (aliases stay shared nodes, so that is small), its
size as if every alias were written out is counted, and a document that aliases make more than
MAX_ALIAS_EXPANSION nodes larger than it is written is refused before anything is built from it.
Ordinary anchors (`<<: *defaults`) stay usable.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any, Sequence, Union

import yaml

from ..inputs.files import InputFileError, read_bytes

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # the C loader keeps pack start fast
MAX_ALIAS_EXPANSION = 100_000


class YamlSizeError(yaml.YAMLError):
    """Aliases expand the document beyond the limit, or refer to themselves."""


def compose_capped(text: Union[str, bytes], loader: type = _Loader) -> tuple[Any, Any]:
    """(loader, root node) of a checked document (YamlSizeError past the alias limit); the caller
    disposes of the loader."""
    ldr = loader(text)
    try:
        node = ldr.get_single_node()
        if node is not None:
            _check_expansion(node)
    except BaseException:
        ldr.dispose()
        raise
    return ldr, node


def load_capped(text: Union[str, bytes], loader: type = _Loader) -> Any:
    """yaml.load with the alias limit."""
    ldr, node = compose_capped(text, loader)
    try:
        return None if node is None else ldr.construct_document(node)
    finally:
        ldr.dispose()


def _check_expansion(root: yaml.Node) -> None:
    sizes: dict[int, int] = {}
    active: set[int] = set()

    def size(node: yaml.Node) -> int:
        """Nodes under `node` with aliases written out, each shared node measured once."""
        key = id(node)
        if key in sizes:
            return sizes[key]
        if key in active:
            raise YamlSizeError("an alias refers to a node that contains it")
        active.add(key)
        total = 1
        if isinstance(node, yaml.MappingNode):
            for k, v in node.value:
                total += size(k) + size(v)
        elif isinstance(node, yaml.SequenceNode):
            for item in node.value:
                total += size(item)
        active.discard(key)
        sizes[key] = total
        if total - len(sizes) > MAX_ALIAS_EXPANSION:
            raise YamlSizeError(f"aliases expand the document by more than {MAX_ALIAS_EXPANSION:,} values; "
                                "write the values out or use fewer aliases")
        return total

    size(root)


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
        return load_capped(text, _UniqueKeyLoader)
    except YamlSizeError as err:
        raise error(f"{path}: {err}") from None
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

"""Reading a YAML data file with errors that name the file and line, for price specs and usage.

YAML aliases let a few KB stand for millions of values (`&a [*b, *b, ...]` nested: 60 KB became two
million prices). The document is composed first (aliases stay shared nodes, so that is small), its
size as if every alias were written out is counted, and a document that aliases make more than
MAX_ALIAS_EXPANSION nodes larger than it is written is refused before anything is built from it.
Ordinary anchors (`<<: *defaults`) stay usable.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any, Union

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


def load_yaml(path: Path, what: str, error: type[Exception]) -> Any:
    """Parse `path`; raise `error` with "<path>[ line N]: <problem>" instead of a traceback."""
    try:  # regular files only, within the size limit: a FIFO would hang pack start, /dev/zero eat memory
        text = read_bytes(path, f"the {what}").decode("utf-8")
    except InputFileError as err:
        raise error(str(err)) from None
    except UnicodeDecodeError as err:
        raise error(f"{path}: cannot read the {what} ({err})") from None
    try:
        return load_capped(text)
    except YamlSizeError as err:
        raise error(f"{path}: {err}") from None
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        line = f" line {mark.line + 1}" if mark is not None else ""
        raise error(f"{path}{line}: not valid YAML ({getattr(err, 'problem', err)})") from None
    except RecursionError:
        raise error(f"{path}: YAML nested too deeply to be a {what}") from None

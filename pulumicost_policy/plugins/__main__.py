"""`python -m pulumicost_policy.plugins install DIR | list | validate [NAME] | conformance PATH | package NAME`.

Exit codes: 0 ok, 1 a plugin failed validation or conformance, 2 bad usage or input.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Optional, Sequence

from ..quoting import printable, shell_word
from . import conformance
from .client import PluginDown
from .config import HostConfigError, config_path, load_config
from .discovery import NO_HOME, discover_all, plugin_root
from .environment import plugin_env, reads
from .host import PluginHost
from .install import InstallError, install, shipped_or_path
from .package import package
from .release import install_release, is_release


PROG = "python -m pulumicost_policy.plugins"


def main(argv: Optional[Sequence[str]] = None, prog: str = PROG) -> int:
    """`prog` is how help and errors name the command (`pulumicost plugin` from the CLI)."""
    parser = argparse.ArgumentParser(allow_abbrev=False, prog=prog,
                                     description="Install, list, validate and conformance-test cost-source plugins.")
    parser.add_argument("--root", type=Path, help="plugin root (default $PULUMICOST_HOME or ~/.pulumicost)")
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("install", help="copy a plugin directory, or a released plugin (directory or .tar.gz/.zip), into the plugin root")
    p.add_argument("directory", type=Path, help="the plugin's directory or release, or the name of a plugin shipped with the pack (aws-public)")
    sub.add_parser("list", help="installed plugins (the version discovery picks) and skipped ones")
    p = sub.add_parser("validate", help="start installed plugins and health-check them")
    p.add_argument("name", nargs="?")
    p = sub.add_parser("conformance", help="run the conformance suite against a plugin binary or directory")
    p.add_argument("path", type=Path)
    p = sub.add_parser("package", help="build a release archive a finfocus host installs (runs with only a Python "
                                       "that has grpcio and protobuf)")
    p.add_argument("name", help="a plugin shipped with the pack (aws-public) or a plugin directory")
    p.add_argument("--out", type=Path, default=Path("dist"), help="directory for the archive (default dist/)")
    args = parser.parse_args(argv)
    if args.command == "package":
        try:
            print(package(args.name, args.out))
        except (InstallError, OSError) as err:
            print(f"error: {err}", file=sys.stderr)
            return 2
        return 0
    root = args.root or plugin_root()
    if root is None:
        print(f"error: {NO_HOME}, or pass --root", file=sys.stderr)
        return 2

    if args.command == "install":
        try:
            source = shipped_or_path(args.directory)
            spec = (install_release if is_release(source) else install)(source, root)
        except (InstallError, OSError) as err:
            print(f"error: {printable(err)}", file=sys.stderr)
            return 2
        print(f"installed {spec.name} {spec.version}{f' for {spec.region}' if spec.region else ''} -> {shell_word(spec.directory)}")
        if spec.env:  # installing is the opt-in: say what it will be handed from the environment
            print(f"  {spec.name} {reads(spec.env)} from the environment it runs in")
        return 0
    if args.command == "conformance":
        return conformance.run(args.path)
    specs, warnings = discover_all(args.root)  # without --root: released finfocus plugins too
    for warning in warnings:
        print(f"warning: {warning}", file=sys.stderr)
    if args.command == "list":
        if not specs:
            print(f"no plugins installed under {shell_word(root / 'plugins')}")
        for spec in specs:
            where = f"{','.join(spec.providers) or '(any provider)'}{f' in {spec.region}' if spec.region else ''}"
            print(f"{spec.name:<20} {spec.version:<10} {where:<20} {shell_word(spec.binary if spec.region else spec.directory)}")
            if spec.env:
                print(f"{'':<20} {reads(spec.env)}")
        return 0
    try:
        config = load_config(config_path(root))
    except HostConfigError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    host = PluginHost([s for s in specs if args.name in (None, s.name)], config)
    if args.name and not host.clients:
        print(f"error: no installed plugin named {shell_word(args.name)} under {shell_word(root / 'plugins')}", file=sys.stderr)
        return 2
    failed = 0
    for client in host.clients:
        try:
            client.ensure_started()
            region = f" in {client.spec.region}" if client.spec.region else ""
            env = f"; {reads(client.spec.env, plugin_env(client.spec.env, client.settings.env))}" if client.spec.env else ""
            print(f"ok    {client.label} ({', '.join(client.providers) or 'any provider'}{region}){env}")
        except PluginDown as err:
            failed += 1
            print(f"FAIL  {err}")
    host.close()
    return 1 if failed or warnings else 0


if __name__ == "__main__":
    sys.exit(main())

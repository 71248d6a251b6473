"""Test helpers: a temporary plugin root with shipped or scripted plugins installed for real."""
from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any, Mapping, Optional

import yaml

from pulumicost_policy.plugins.install import install

ROOT = Path(__file__).resolve().parent.parent
SHIPPED = ROOT / "plugins"
SCRIPTED = Path(__file__).resolve().parent / "plugins" / "scripted"


class PluginRoot:
    def __init__(self, path: Path) -> None:
        self.path = path
        self.settings: dict[str, dict[str, Any]] = {}

    def install_shipped(self, name: str, env: Optional[Mapping[str, str]] = None, **settings: Any) -> Path:
        spec = install(SHIPPED / name, self.path)
        self.configure(name, env, **settings)
        return spec.directory

    def install_scripted(self, name: str, mode: str, log: Optional[Path] = None, version: str = "1.0.0",
                         providers: tuple[str, ...] = ("aws",), **settings: Any) -> Path:
        """The scripted test plugin under another name, in a given mode, listing `providers`."""
        source = self.path.parent / f"src-{name}-{version}"
        shutil.copytree(SCRIPTED, source, dirs_exist_ok=True)
        (source / "plugin.manifest.json").write_text(json.dumps(
            {"name": name, "version": version, "providers": list(providers)}))
        spec = install(source, self.path)
        env = {"SCRIPTED_MODE": mode, **({"SCRIPTED_LOG": str(log)} if log else {})}
        self.configure(name, env, **settings)
        return spec.directory

    def configure(self, name: str, env: Optional[Mapping[str, str]] = None, **settings: Any) -> None:
        body = dict(settings)
        if env:
            body["env"] = dict(env)
        self.settings[name] = body
        config = self.path / "config.yaml"
        config.write_text(yaml.safe_dump({"plugins": self.settings}))
        config.chmod(0o600)

    def remove(self, name: str) -> None:
        shutil.rmtree(self.path / "plugins" / name)

#!/usr/bin/env python3
"""Prints Cargo.toml's cargo-packager configuration as JSON, to package a binary already built.

    cargo packager --formats deb --config "$(python3 scripts/ci/packager-config.py target/debug)"

CI packages the debug binary it has just tested: the `dist` build the configuration's
before-packaging-command runs (fat LTO, one codegen unit) takes some twenty minutes on two cores,
and what the check looks at (the package's files, and that it launches from them) is the same.
"""
import json
import sys
import tomllib

with open("Cargo.toml", "rb") as manifest:
    cargo = tomllib.load(manifest)
package = cargo["package"]
config = dict(package["metadata"]["packager"])
config.pop("before-packaging-command", None)
config["name"] = package["name"]
config["version"] = package["version"]
config["binaries-dir"] = sys.argv[1]
print(json.dumps(config))

#!/usr/bin/env bash
# Builds the release bundle into dist/ exactly as the test command builds and measures it (build_bundle in
# scripts/common.sh: std from source, the size flags, the linker wrapper, trunk's post-build minification).
# Tools come from scripts/setup.sh (the README's first two commands install them).
set -euo pipefail
source "$(dirname "$0")/common.sh"
log "release bundle (trunk) into dist/"
build_bundle

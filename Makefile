# IEY: the two commands a newcomer needs are `make run` and `make test`.
# Everything else here is what those two are made of.

SHELL := /bin/bash
export CARGO_TARGET_DIR ?= $(or $(IEY_TARGET_DIR),$(HOME)/.cache/iey-target)
export IEY_TOOLS_DIR ?= $(HOME)/.cache/iey-tools
export PATH := $(IEY_TOOLS_DIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
export IEY_BIN := $(CARGO_TARGET_DIR)/release/iey
export IEY_SITE_ROOT ?= $(CURDIR)/target/site

.PHONY: run test bench tools build e2e check-tools

## make run: install what is missing, build, and serve http://127.0.0.1:3000 with demo data.
run: tools build
	$(IEY_BIN) serve --demo

## make test: every check we have (CI runs exactly this).
test:
	scripts/test.sh

## make bench: start a release server on a seeded database and measure it.
bench: tools build
	scripts/bench.sh

tools:
	scripts/install-tools.sh

## The release server binary and the hydrated site (wasm, js, css) in target/site.
build:
	rm -rf target/site/pkg
	cargo leptos build --release --split

## Only the end-to-end suite, against the current release build.
e2e: tools build
	scripts/e2e.sh

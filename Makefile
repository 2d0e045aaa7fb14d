# glmviz — the two everyday commands:
#   make demo   install what the build needs, build, render the default lesson
#   make test   install what the build needs, build, run every test
#   make fuzz-smoke  build the libFuzzer targets and run each 30 s on its corpus
SWIFT ?= swift
CONFIG ?= release
BIN = .build/$(CONFIG)/glmviz
# The release binary carries the Swift runtime and Foundation inside it: resolving
# their symbols across dozens of shared libraries was most of a 20 ms start-up.
RELEASE_FLAGS = --static-swift-stdlib
BUILD_FLAGS = $(if $(filter release,$(CONFIG)),$(RELEASE_FLAGS))

.PHONY: demo test deps build clean bench fuzz-smoke

deps:
	@scripts/install-deps

build: deps
	$(SWIFT) build -c $(CONFIG) $(BUILD_FLAGS)

demo: build
	$(BIN) lesson simple-regression

# The suites are XCTest; Swift Testing is switched off so its empty run does not
# print a misleading "0 tests" summary after XCTest's. Then `glmviz check` proves
# the committed output/ is what lessons/ makes (docs/checking.md), the MyST
# snippets build in a real Jupyter Book and every image loads in Chromium
# (scripts/book-proof, docs/course.md), one tiny
# benchmark case keeps the benchmark runner from rotting (bench/README.md), and
# each fuzzer runs 30 s on its committed corpus (fuzz/README.md).
test: deps
	$(SWIFT) build
	$(SWIFT) test --disable-swift-testing
	.build/debug/glmviz check
	scripts/book-proof --glmviz .build/debug/glmviz
	contrib/dask/test.sh .build/debug/glmviz
	bench/setup --tools
	bench/run --quick --glmviz .build/debug/glmviz
	$(MAKE) fuzz-smoke

fuzz-smoke: deps
	SWIFT=$(SWIFT) fuzz/run --all 30

clean:
	rm -rf .build

# glmviz beside the Python stack it replaces; writes bench/RESULTS.md (bench/README.md).
bench: deps
	bench/setup
	bench/run

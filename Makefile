# samen-sturen: the two commands for a fresh machine are `make run` and `make test` (README.md).
BUILD_DIR  ?= build
BUILD_TYPE ?= Release
JOBS       ?= $(shell nproc)
SCALE      ?= national
SEED       ?= 1
QUARTER    ?= 2025-Q4
DEMO_DB    ?= output/demo-$(SCALE).db
BIN        := $(BUILD_DIR)/samen-sturen

.PHONY: all deps build run demo test test-asan fuzz bench clean

all: build

deps:
	@bash scripts/install-deps.sh

$(BUILD_DIR)/CMakeCache.txt:
	cmake -S . -B $(BUILD_DIR) -DCMAKE_BUILD_TYPE=$(BUILD_TYPE)

build: deps $(BUILD_DIR)/CMakeCache.txt
	cmake --build $(BUILD_DIR) -j $(JOBS)

# The demo database is made once; delete it (or `make clean`) to make it again.
$(DEMO_DB):
	$(MAKE) build
	@mkdir -p $(dir $(DEMO_DB))
	$(BIN) demo --db $(DEMO_DB) --scale $(SCALE) --seed $(SEED)

demo: $(DEMO_DB)

# The demo's last complete quarter, every municipality and region, into output/<quarter>/.
run: build demo
	$(BIN) run --db $(DEMO_DB) --quarter $(QUARTER) --out output
	@echo "make run: open output/$(QUARTER)/public/index.html (the public site); internal/ holds what is mailed. The database is $(DEMO_DB)."

test: build
	cd $(BUILD_DIR) && ctest --output-on-failure -j $(JOBS)

# The whole suite under AddressSanitizer + UndefinedBehaviorSanitizer, in its own build folder.
# Leaks are reported for our code; fontconfig's and Pango's process-lifetime caches are not leaks
# (tests/sanitizer-suppressions.txt).
test-asan: deps
	cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=Debug -DSANITIZE=ON
	cmake --build build-asan -j $(JOBS)
	cd build-asan && ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
	  LSAN_OPTIONS=suppressions=$(CURDIR)/tests/sanitizer-suppressions.txt:print_suppressions=0 \
	  UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 ctest --output-on-failure -j $(JOBS)

# libFuzzer on the CSV reader, the file validation and the template loading, each for
# FUZZ_SECONDS (default 30 minutes), two at a time; crashes are written to build-fuzz/.
FUZZ_SECONDS ?= 1800
FUZZ_TARGETS := fuzz_csv_reader fuzz_import fuzz_templates
fuzz: deps
	cmake -S . -B build-fuzz -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_COMPILER=clang++ -DFUZZ=ON
	cmake --build build-fuzz -j $(JOBS) --target $(FUZZ_TARGETS)
	@bash scripts/fuzz.sh build-fuzz $(FUZZ_SECONDS) $(FUZZ_TARGETS)

bench: build
	@/usr/bin/python3 scripts/bench.py $(BIN)

clean:
	rm -rf $(BUILD_DIR) build-asan build-fuzz
	find output -mindepth 1 ! -name .gitkeep -exec rm -rf {} +

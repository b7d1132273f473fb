# Repère Cyber: build, run and test. See README.md.
#
# One set of build tags everywhere, so the Go build cache (Fyne's C code
# and SQLite's amalgamation take minutes to compile cold) is reused:
#   migrated_fynedo  the app is fyne.Do-correct (FyneApp.toml [Migrations])
#   no_emoji         without Fyne's 4 MB emoji font, which the app never
#                    shows and Fyne parsed again for every text style
#                    (the release is built so too: scripts/dist.sh)
# Tests add Fyne's `ci` tag: a headless driver, no display needed.

TAGS      := migrated_fynedo,no_emoji
TEST_TAGS := $(TAGS),ci
BIN       := bin/reperecyber
STATICCHECK         := bin/tools/staticcheck
STATICCHECK_VERSION := v0.8.2
GO        ?= go

.PHONY: all setup build run test bench screenshots dist smoke data index icon clean

all: build

setup:
	@scripts/setup-deps.sh

build: setup
	$(GO) build -tags $(TAGS) -o $(BIN) .

run: build
	./$(BIN)

test: build
	@scripts/setup-deps.sh poppler-utils qpdf zbar-tools
	@echo "== gofmt"
	@unformatted=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	  if [ -n "$$unformatted" ]; then echo "gofmt would rewrite: $$unformatted"; exit 1; fi
	@echo "== go vet"
	$(GO) vet -tags $(TEST_TAGS) ./...
	@echo "== staticcheck"
	@test -x $(STATICCHECK) || GOBIN=$(CURDIR)/bin/tools $(GO) install honnef.co/go/tools/cmd/staticcheck@$(STATICCHECK_VERSION)
	$(STATICCHECK) -tags $(TEST_TAGS) ./...
	@echo "== go test"
	$(GO) test -race -tags $(TEST_TAGS) ./...
	cd frlocale && $(GO) test ./...
	@echo "== reperecyber check"
	REPERECYBER_DATA_DIR=$(CURDIR)/bin/check-data ./$(BIN) check

# Benchmarks hold the performance targets (search: p99 <= 500 µs over a
# mix with two-letter queries, index <= 30 MB; BenchmarkLoad is the
# prebuilt index read at start, BenchmarkBuild the build it replaces). The full output goes to bin/bench.txt;
# the summary keeps one line per benchmark.
bench: setup
	@mkdir -p bin
	@$(GO) test -tags $(TEST_TAGS) -run '^$$' -bench . -benchmem ./... > bin/bench.txt
	@awk '/^Benchmark/ { printf "%-40s", $$1; for (i = 3; i < NF; i += 2) printf "  %s %s", $$i, $$(i+1); print "" }' bin/bench.txt

# Renders the main screens in a real window under Xvfb (README pictures).
screenshots: build
	@scripts/setup-deps.sh xvfb imagemagick xdotool x11-utils
	scripts/screenshots.sh docs/screenshots
	XVFB_SIZE=1920x1080 scripts/screenshots.sh docs/screenshots

# Release artefacts in dist/: Linux binary and package, Windows .exe
# (cross-compiled with mingw-w64), SHA256SUMS. See scripts/dist.sh.
FYNE_CLI := bin/tools/fyne
dist: setup
	@scripts/setup-deps.sh gcc-mingw-w64-x86-64
	@test -x $(FYNE_CLI) || GOBIN=$(CURDIR)/bin/tools $(GO) install fyne.io/fyne/v2/cmd/fyne@v2.7.1
	scripts/dist.sh

# Runs the artefacts offline (network namespace without interfaces) on a
# fresh home: Linux, then Windows under Wine.
smoke:
	@test -f dist/reperecyber-linux-amd64 || { echo "Lancez d'abord : make dist"; exit 1; }
	@scripts/setup-deps.sh xvfb imagemagick x11-utils poppler-utils strace wine wine64 gcc-mingw-w64-x86-64
	SMOKE_SHOT_DIR=$(CURDIR)/dist scripts/smoke.sh

# Regenerates assets/data from the @etalab/decoupage-administratif npm
# package (needs npm and the network; the app and the tests never do).
DATASET := @etalab/decoupage-administratif@6.0.0
data:
	@tmp=$$(mktemp -d) && trap 'rm -rf "$$tmp"' EXIT && \
	  (cd "$$tmp" && npm pack --silent $(DATASET) >/dev/null && tar xzf *.tgz) && \
	  $(GO) run ./tools/gencommunes -in "$$tmp/package" -out assets/data
	$(MAKE) index

# Rebuilds the prebuilt search index (assets/search.idx) from the embedded
# content and communes; TestPrebuiltIndexIsFresh fails until it is run
# after a change to assets/content or assets/data.
index:
	$(GO) run ./tools/genindex -out assets/search.idx

icon:
	$(GO) run ./tools/genicon -o assets/icon.png

clean:
	rm -rf bin dist

# Fuzz targets, one after the other (FUZZTIME each, 2m by default): the
# parsers and validators of what people type or import.
FUZZTIME ?= 2m
FUZZ_TARGETS := ./cli:FuzzParseContactsCSV ./cli:FuzzParseContactsTOML \
	./content:FuzzValidPhone ./content:FuzzValidINSEE ./textfold:FuzzFold \
	./core:FuzzResolveCommune ./journal:FuzzParseTime ./pack:FuzzRead ./hours:FuzzParse ./export:FuzzContactSheet
.PHONY: fuzz
fuzz: setup
	@for t in $(FUZZ_TARGETS); do \
	  pkg=$${t%%:*}; name=$${t##*:}; echo "== $$name ($$pkg, $(FUZZTIME))"; \
	  $(GO) test -tags $(TEST_TAGS) -run '^$$' -fuzz "^$$name$$" -fuzztime $(FUZZTIME) $$pkg || exit 1; \
	done

# seqsim: the two commands a new user needs are `make run` and `make test`.
GO ?= go
SEQSIM := bin/seqsim

.PHONY: all build run test test-deps example lint bench fmt clean

all: build

build:
	$(GO) build -o $(SEQSIM) ./cmd/seqsim

# The embedded baseline experiment, ending in a report under out/baseline/.
run: build
	./$(SEQSIM) run --force

# Every test. Some use real components, installed first when missing:
# Slurm (a single-node cluster on localhost for the array-job test),
# Chromium (the report's browser test) and hyparquet (an independent
# Parquet reader, from the npm lock file).
test: test-deps tools/parquet-reader/node_modules example
	$(GO) test -count=1 -timeout 15m ./...

# The out-of-tree example (its own module): a mechanism of its own, built
# on the library's public API alone, run as a 50-run study with a report.
example:
	cd examples/custom-mechanism && $(GO) vet ./... && $(GO) test -count=1 ./... && \
		$(GO) run . -out "$$(mktemp -d)/mev-buyback" -runs 50

test-deps:
	bash scripts/test-deps.sh

tools/parquet-reader/node_modules: tools/parquet-reader/package-lock.json
	npm ci --prefix tools/parquet-reader --no-audit --no-fund
	touch $@

lint:
	$(GO) vet ./...
	$(GO) tool staticcheck ./...

# Benchmarks (medians over 5 runs: compare two bench.txt files with
# benchstat), then the baseline at 1,000 and 10,000 runs.
bench:
	$(GO) test -run '^$$' -bench . -benchmem -count 5 ./... | tee bench.txt
	bash scripts/bench-baseline.sh

fmt:
	gofmt -w .

clean:
	rm -rf bin out

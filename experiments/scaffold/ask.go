package scaffold

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// Ask asks for each answer of d on w, reading replies from r, one a line;
// an empty reply keeps the value shown in brackets. Allocations are asked
// one a line in ParseAllocation's form, ended by an empty line (none kept
// d's). A reply that does not parse is asked again.
func Ask(r io.Reader, w io.Writer, d *Design) error {
	in := bufio.NewScanner(r)
	line := func(prompt, def string) (string, error) {
		fmt.Fprintf(w, "%s [%s]: ", prompt, def)
		if !in.Scan() {
			if err := in.Err(); err != nil {
				return "", err
			}
			return "", io.ErrUnexpectedEOF
		}
		if s := strings.TrimSpace(in.Text()); s != "" {
			return s, nil
		}
		return def, nil
	}
	number := func(prompt string, v *float64) error {
		for {
			s, err := line(prompt, strconv.FormatFloat(*v, 'g', -1, 64))
			if err != nil {
				return err
			}
			if x, err := strconv.ParseFloat(s, 64); err == nil {
				*v = x
				return nil
			}
			fmt.Fprintf(w, "  %q is not a number\n", s)
		}
	}
	var err error
	if d.Name, err = line("Name of the design", d.Name); err != nil {
		return err
	}
	for _, q := range []struct {
		prompt string
		v      *float64
	}{{"Supply at launch, tokens", &d.SupplyTokens}, {"Launch price, USD per token", &d.LaunchPriceUSD},
		{"Sequencer net revenue, USD a year", &d.AnnualRevenueUSD}} {
		if err := number(q.prompt, q.v); err != nil {
			return err
		}
	}
	for {
		s, err := line("Fee split: stakers, treasury, burn", strings.Trim(strings.Join(strings.Fields(fmt.Sprint(d.FeeSplit)), ","), "[]"))
		if err != nil {
			return err
		}
		if split, err := parseSplit(s); err == nil {
			d.FeeSplit = split
			break
		}
		fmt.Fprintf(w, "  want three numbers, e.g. 0.5,0.3,0.2\n")
	}
	fmt.Fprintf(w, "Allocations, one a line as %s; an empty line ends them (none: keep the %d shown by `seqsim init --help`'s defaults)\n", allocationForm, len(d.Allocations))
	var as []Allocation
	for {
		fmt.Fprintf(w, "  allocation %d: ", len(as)+1)
		if !in.Scan() {
			break
		}
		s := strings.TrimSpace(in.Text())
		if s == "" {
			break
		}
		a, err := ParseAllocation(s)
		if err != nil {
			fmt.Fprintf(w, "  %v\n", err)
			continue
		}
		as = append(as, a)
	}
	if len(as) > 0 {
		d.Allocations = as
	}
	if d.Governance, err = line("Governance: centralized, progressive or decentralized", d.Governance); err != nil {
		return err
	}
	return nil
}

// parseSplit reads "a,b,c".
func parseSplit(s string) ([]float64, error) {
	f := strings.Split(s, ",")
	if len(f) != 3 {
		return nil, fmt.Errorf("fee split %q: want three numbers", s)
	}
	out := make([]float64, 3)
	for i, x := range f {
		v, err := strconv.ParseFloat(strings.TrimSpace(x), 64)
		if err != nil {
			return nil, fmt.Errorf("fee split %q: %w", s, err)
		}
		out[i] = v
	}
	return out, nil
}

// ParseSplit reads a fee split "stakers,treasury,burn".
func ParseSplit(s string) ([]float64, error) { return parseSplit(s) }

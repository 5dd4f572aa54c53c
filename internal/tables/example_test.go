package tables_test

import (
	"fmt"
	"log"
	"os"
	"path/filepath"

	"github.com/parquet-go/parquet-go"

	"github.com/seqsim/seqsim/internal/tables"
)

func ExampleCSVToParquet() {
	dir, err := os.MkdirTemp("", "tables-example")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(dir)

	csvPath := filepath.Join(dir, "runs.csv")
	csv := "point,run,seed,scenario,final_price\n" +
		"0,0,18446744073709551615,base,1.25\n" +
		"0,1,7,base,\n" + // no final_price: a null
		"1,0,8,bear,0.5\n"
	if err := os.WriteFile(csvPath, []byte(csv), 0o644); err != nil {
		log.Fatal(err)
	}

	header := []string{"point", "run", "seed", "scenario", "final_price"}
	pqPath := filepath.Join(dir, "runs.parquet")
	meta := map[string]string{"experiment_hash": "sha256:abcd", "seed": "42", "seqsim_version": "v1.0.0"}
	if err := tables.CSVToParquet(csvPath, pqPath, tables.RunsSpec(header, "scenario"), meta); err != nil {
		log.Fatal(err)
	}

	type run struct {
		Seed       uint64   `parquet:"seed"`
		Scenario   string   `parquet:"scenario,optional"`
		FinalPrice *float64 `parquet:"final_price,optional"`
	}
	rows, err := parquet.ReadFile[run](pqPath)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(len(rows), "rows")
	for _, r := range rows {
		price := "null"
		if r.FinalPrice != nil {
			price = fmt.Sprint(*r.FinalPrice)
		}
		fmt.Println(r.Seed, r.Scenario, price)
	}
	// Output:
	// 3 rows
	// 18446744073709551615 base 1.25
	// 7 base null
	// 8 bear 0.5
}

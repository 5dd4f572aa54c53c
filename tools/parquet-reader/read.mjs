#!/usr/bin/env node
// read.mjs FILE.parquet: prints a Parquet file as JSON, read with hyparquet
// (pure JavaScript), so that seqsim's tests can check the files its Go writer
// produces with a reader that shares no code with that writer.
//
// Output (one JSON object on stdout):
//
//   {
//     "rows": 3,                       // from the file footer
//     "created_by": "...",
//     "columns": [{"name": "seed", "type": "INT64", "repetition": "REQUIRED",
//                  "converted_type": "UINT_64",
//                  "logical_type": {"type": "INTEGER", "bitWidth": 64, "isSigned": false}}, ...],
//     "metadata": {"experiment_hash": "...", ...},   // key/value file metadata
//     "row_groups": [1024, 1024, 3],                 // rows per row group
//     "data": [[...], ...]                           // one array per row, in column order
//   }
//
// Values: null for a Parquet null; BigInt (INT64) as a decimal string;
// strings as strings; doubles as JSON numbers (JavaScript prints the shortest
// string that round-trips, so parsing it as a float64 gives the same bits),
// except NaN, Infinity, -Infinity and -0, which JSON cannot carry and which
// are written as the strings "NaN", "Infinity", "-Infinity" and "-0".
// (Not used by seqsim's tables: dates as ISO strings, bytes as base64.)
//
// Setup: npm ci --prefix tools/parquet-reader

import { asyncBufferFromFile, parquetMetadataAsync, parquetRead } from 'hyparquet'

function encode(v) {
  if (v === null || v === undefined) return null
  switch (typeof v) {
    case 'bigint':
      return v.toString()
    case 'number':
      if (Number.isNaN(v)) return 'NaN'
      if (v === Infinity) return 'Infinity'
      if (v === -Infinity) return '-Infinity'
      if (Object.is(v, -0)) return '-0'
      return v
    case 'string':
    case 'boolean':
      return v
    default:
      if (v instanceof Date) return v.toISOString()
      if (v instanceof Uint8Array) return Buffer.from(v).toString('base64')
      throw new Error(`unexpected value of type ${typeof v}: ${String(v)}`)
  }
}

async function main() {
  const args = process.argv.slice(2)
  if (args.length !== 1) {
    process.stderr.write('usage: node read.mjs FILE.parquet\n')
    process.exit(2)
  }
  const file = await asyncBufferFromFile(args[0])
  const metadata = await parquetMetadataAsync(file)

  // The root schema element is the first; the leaves follow it (seqsim's
  // tables are flat: every other element is a column).
  const columns = metadata.schema.slice(1).map(el => {
    if (el.num_children) throw new Error(`nested column ${el.name} not supported`)
    const col = { name: el.name, type: el.type, repetition: el.repetition_type }
    if (el.converted_type !== undefined) col.converted_type = el.converted_type
    if (el.logical_type !== undefined) col.logical_type = el.logical_type
    return col
  })

  const kv = {}
  for (const { key, value } of metadata.key_value_metadata ?? []) kv[key] = value ?? null

  let data = []
  await parquetRead({
    file,
    metadata,
    rowFormat: 'array',
    onComplete: rows => { data = rows },
  })

  const out = {
    rows: Number(metadata.num_rows),
    created_by: metadata.created_by ?? null,
    columns,
    metadata: kv,
    row_groups: metadata.row_groups.map(rg => Number(rg.num_rows)),
    data: data.map(row => Array.from(row, encode)),
  }
  process.stdout.write(JSON.stringify(out))
  process.stdout.write('\n')
}

main().catch(err => {
  process.stderr.write(`read.mjs: ${err && err.stack ? err.stack : err}\n`)
  process.exit(1)
})

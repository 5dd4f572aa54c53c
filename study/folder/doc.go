// Package folder is the layout of a seqsim output folder: the names of its
// files, the format of runs.csv (its writer and its reader), the columns of
// series.csv, and the lock that keeps a writer alone in a folder.
// The study package writes folders and the report package reads them, both
// through this one definition; manifest.json's schema is in
// internal/manifest.
//
// # Outline
//
//   - File names: [Manifest], [Runs], [Series], [Summary], [Report], ...,
//     and a replay's [ReplayTrace] and [ReplayEvents].
//   - [RunsWriter] and [RunsReader]: runs.csv, one row per run.
//   - [RunsKeys], [SeriesKeys], [SeriesStats]: the fixed columns.
//   - A search's files: [SearchCSV], [Front], [SearchProgress],
//     [SearchRuns] and the cache [SearchCache], with
//     [SearchProgressKeys] and [SearchRunsKeys].
//   - [AppendFloat] and [AppendCSVField]: how every CSV file of a folder
//     spells a number and a text field.
//   - [TryLock], [TryRLock], [Lock] and [LockedError]: one writer per
//     folder at a time, or any number of readers. A command holds the
//     exclusive lock of every folder it writes into (run, resume, merge,
//     plot, a replay into the folder, a comparison's --out) and a shared
//     lock on every folder it only reads (the folders a comparison reads,
//     a replay whose trace goes elsewhere), for as long as it runs.
package folder

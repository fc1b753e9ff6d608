#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "progress.h"

namespace ft::data {

enum class Format { Auto, Csv, Tsv, Json, Jsonl, Lines };
enum class Encoding { Auto, Utf8, Utf8Bom, Utf16LE, Utf16BE, Windows1252 };
// Delimited lines "label SEP text" (First) or "text SEP label" (Last), split at the
// first (First) or last (Last) separator.
enum class LabelSide { First, Last };
// For labels such as TREC's "COARSE:fine": the whole value, or the part before ':'.
enum class LabelPart { Full, Coarse };

const char* toString(Format f);
const char* toString(Encoding e);
Format formatFromString(const std::string& s);  // "csv", "tsv", "json", "jsonl", "lines"

// How a file is read. Unset / Auto members are detected (see detect()).
struct FormatOptions {
    Format format = Format::Auto;
    Encoding encoding = Encoding::Auto;
    char delimiter = 0;            // Csv / Tsv: 0 = detect (',', '\t', ';', '|')
    std::optional<bool> header;    // Csv / Tsv: detect when unset
    std::string separator;         // Lines: "\t", " ", ";" ... ("" = detect)
    LabelSide labelSide = LabelSide::First;
    LabelPart labelPart = LabelPart::Full;
    bool skipRagged = false;       // Csv / Tsv: skip rows whose field count differs (counted)
};

std::string toJson(const FormatOptions& o);
FormatOptions formatOptionsFromJson(const std::string& json);

// One record: its fields in the order of the reader's columns. A JSON object that
// lacks a key gets an empty field and `missing` marks it.
struct Record {
    int64_t line = 0;  // 1-based line where the record starts
    std::vector<std::string> fields;
    std::vector<bool> missing;  // empty unless some field was absent (JSON)
};

struct ReadWarning {
    int64_t line = 0;
    std::string message;
};

struct Detection {
    FormatOptions options;             // every Auto resolved
    std::vector<std::string> columns;  // header names, or "column 1".. ; Lines: "label","text"
    std::vector<Record> preview;       // the first rows
    std::vector<std::string> notes;    // what was detected and why, for the wizard
};

// Reads the start of the file (never the whole file) and resolves the options the
// hint leaves open. Throws ft::Error naming the file for a missing, empty,
// header-only or binary file.
Detection detect(const std::string& path, const FormatOptions& hint = {}, size_t previewRows = 20);

struct ReadStats {
    int64_t records = 0;
    int64_t skipped = 0;  // ragged rows skipped on request
    int64_t bytes = 0;
    std::vector<ReadWarning> warnings;  // decoding fallbacks, skipped rows (first 1000)
};

// Streams every record of the file to `sink` with memory bounded by the largest
// record, never the file. `sink` returns false to stop early. Options must be
// resolved (use detect() first). Throws ft::Error "path:line: what" on malformed
// input (ragged row when !skipRagged, unterminated quote, bad JSON), ErrorCode::
// Cancelled when progress.shouldStop() returns true. Rows that are not valid
// UTF-8 are decoded as Windows-1252 with a warning naming the line.
ReadStats readRecords(const std::string& path, const FormatOptions& options,
                      const std::vector<std::string>& columns,
                      const std::function<bool(Record&&)>& sink, const Progress& progress = {});

}  // namespace ft::data

#pragma once

#include <stdexcept>
#include <string>

namespace ft {

// What kind of failure an ft::Error reports. Callers branch on it (the CLI maps
// it to an exit code, the GUI to an icon); the message is for people.
enum class ErrorCode {
    Io,               // a file could not be opened, read or written
    Parse,            // malformed input: CSV, JSON, config files
    Encoding,         // bytes that are not text in any supported encoding
    Mapping,          // a column, key or label that does not exist or does not fit
    InvalidArgument,  // a value the caller passed is out of range or inconsistent
    NotFound,         // a project, dataset, run or file that is not there
    Database,         // SQLite refused a statement
    Cancelled,        // the user asked to stop; nothing was changed
    Internal,
};

const char* toString(ErrorCode code);

// The one exception type core throws. The message names the thing and the place,
// e.g. "data.csv:1042: column 3: unterminated quote". Thrown from any thread;
// caught at the worker / CLI boundary.
class Error : public std::runtime_error {
public:
    Error(ErrorCode code, const std::string& message);
    ErrorCode code() const noexcept { return m_code; }

private:
    ErrorCode m_code;
};

// "file:line: message" (line <= 0 leaves the line out).
std::string at(const std::string& file, long line, const std::string& message);

}  // namespace ft

#include "error.h"

namespace ft {

const char* toString(ErrorCode code) {
    switch (code) {
        case ErrorCode::Io: return "I/O error";
        case ErrorCode::Parse: return "parse error";
        case ErrorCode::Encoding: return "encoding error";
        case ErrorCode::Mapping: return "mapping error";
        case ErrorCode::InvalidArgument: return "invalid argument";
        case ErrorCode::NotFound: return "not found";
        case ErrorCode::Database: return "database error";
        case ErrorCode::Cancelled: return "cancelled";
        case ErrorCode::Internal: return "internal error";
    }
    return "error";
}

Error::Error(ErrorCode code, const std::string& message)
    : std::runtime_error(message), m_code(code) {}

std::string at(const std::string& file, long line, const std::string& message) {
    if (line <= 0) return file + ": " + message;
    return file + ":" + std::to_string(line) + ": " + message;
}

}  // namespace ft

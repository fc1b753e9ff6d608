#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

struct sqlite3;
struct sqlite3_stmt;

namespace ft::store {

// A prepared statement, finalized on destruction. Errors throw ft::Error
// (ErrorCode::Database) with SQLite's message and the SQL text. Not thread-safe:
// a Statement belongs to the thread that owns its connection.
class Statement {
public:
    Statement(sqlite3* db, std::string_view sql);
    ~Statement();
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;
    Statement(Statement&& other) noexcept;
    Statement& operator=(Statement&& other) noexcept;

    // Parameters are 1-based, as in SQLite.
    Statement& bind(int index, int64_t value);
    Statement& bind(int index, int value) { return bind(index, static_cast<int64_t>(value)); }
    Statement& bind(int index, double value);
    Statement& bind(int index, std::string_view value);  // copied (SQLITE_TRANSIENT)
    Statement& bind(int index, const char* value) { return bind(index, std::string_view(value)); }
    Statement& bind(int index, const std::string& value) {
        return bind(index, std::string_view(value));
    }
    Statement& bind(int index, const std::optional<std::string>& value);
    Statement& bindNull(int index);

    // Advances; true while a row is available.
    bool step();
    // Runs to completion (for INSERT/UPDATE/DELETE).
    void exec();
    // Resets for another run with new bindings; keeps the compiled statement.
    void reset();

    // Columns are 0-based, as in SQLite.
    int64_t int64(int column) const;
    double real(int column) const;
    std::string text(int column) const;  // NULL -> ""
    std::optional<std::string> optionalText(int column) const;
    bool isNull(int column) const;

private:
    sqlite3* m_db = nullptr;
    sqlite3_stmt* m_stmt = nullptr;
};

// Executes one or more statements without results.
void exec(sqlite3* db, std::string_view sql);

// Throws ft::Error(Database) naming what was attempted if rc is not OK/ROW/DONE.
void check(sqlite3* db, int rc, std::string_view what);

// RAII transaction: BEGIN IMMEDIATE on construction, ROLLBACK on destruction
// unless commit() was called. Nesting is not supported: one per connection.
class Transaction {
public:
    explicit Transaction(sqlite3* db);
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    void commit();

private:
    sqlite3* m_db;
    bool m_done = false;
};

}  // namespace ft::store

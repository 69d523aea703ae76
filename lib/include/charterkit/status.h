// Status and Result<T>: the error type of every charterkit function that can fail.
//
// A Status is either OK or carries an error code, a message and the place the
// error refers to (file, line, column, byte offset). An OK status costs one null
// pointer. The library never prints and never exits; callers decide.
//
// Example:
//   charterkit::Result<charterkit::Text> text = charterkit::load_text("sco.txt");
//   if (!text.ok()) { std::cerr << text.status().to_string() << '\n'; return 1; }
//   use(text.value().content());
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <utility>

namespace charterkit {

// Where an error was found. Every field is optional; `line` and `column` are
// 1-based (column counts Unicode code points), `byte_offset` is 0-based.
struct SourceLocation {
  std::string file;
  std::size_t line = 0;
  std::size_t column = 0;
  std::optional<std::size_t> byte_offset;
};

enum class StatusCode {
  kOk = 0,
  kInvalidArgument,  // the caller asked for something meaningless (usage error)
  kNotFound,         // a named file, document or theme does not exist
  kIOError,          // the operating system refused to read or write
  kInvalidInput,     // the input exists but is malformed (encoding, syntax)
  kInternal,         // a library we call failed unexpectedly
};

class Status {
 public:
  // Creates an OK status.
  Status() = default;
  Status(const Status& other);
  Status& operator=(const Status& other);
  Status(Status&&) noexcept = default;
  Status& operator=(Status&&) noexcept = default;
  ~Status() = default;

  static Status Ok() { return Status(); }
  static Status InvalidArgument(std::string message, SourceLocation where = {});
  static Status NotFound(std::string message, SourceLocation where = {});
  static Status IOError(std::string message, SourceLocation where = {});
  static Status InvalidInput(std::string message, SourceLocation where = {});
  static Status Internal(std::string message, SourceLocation where = {});

  // Returns true iff this status is OK.
  bool ok() const { return state_ == nullptr; }
  StatusCode code() const;
  // Returns the message without the location ("" when OK).
  const std::string& message() const;
  // Returns the location (empty when OK or when none was given).
  const SourceLocation& where() const;

  // Returns "file:line:column: message (byte offset N)", leaving out the parts
  // that are unknown; "OK" for an OK status.
  std::string to_string() const;

 private:
  struct State {
    StatusCode code;
    std::string message;
    SourceLocation where;
  };
  Status(StatusCode code, std::string message, SourceLocation where);
  std::unique_ptr<State> state_;
};

// A value of type T, or the Status that explains why there is none.
template <typename T>
class Result {
 public:
  // REQUIRES: !status.ok()
  Result(Status status) : status_(std::move(status)) {}  // NOLINT: implicit by design
  Result(T value) : value_(std::move(value)) {}          // NOLINT: implicit by design

  bool ok() const { return value_.has_value(); }
  const Status& status() const { return status_; }
  // REQUIRES: ok()
  T& value() & { return *value_; }
  const T& value() const& { return *value_; }
  T&& value() && { return std::move(*value_); }
  T& operator*() { return *value_; }
  const T& operator*() const { return *value_; }
  T* operator->() { return &*value_; }
  const T* operator->() const { return &*value_; }

 private:
  Status status_;
  std::optional<T> value_;
};

}  // namespace charterkit

#include "charterkit/status.h"

namespace charterkit {

Status::Status(StatusCode code, std::string message, SourceLocation where)
    : state_(std::make_unique<State>(State{code, std::move(message), std::move(where)})) {}

Status::Status(const Status& other)
    : state_(other.state_ ? std::make_unique<State>(*other.state_) : nullptr) {}

Status& Status::operator=(const Status& other) {
  if (this != &other) state_ = other.state_ ? std::make_unique<State>(*other.state_) : nullptr;
  return *this;
}

Status Status::InvalidArgument(std::string message, SourceLocation where) {
  return Status(StatusCode::kInvalidArgument, std::move(message), std::move(where));
}
Status Status::NotFound(std::string message, SourceLocation where) {
  return Status(StatusCode::kNotFound, std::move(message), std::move(where));
}
Status Status::IOError(std::string message, SourceLocation where) {
  return Status(StatusCode::kIOError, std::move(message), std::move(where));
}
Status Status::InvalidInput(std::string message, SourceLocation where) {
  return Status(StatusCode::kInvalidInput, std::move(message), std::move(where));
}
Status Status::Internal(std::string message, SourceLocation where) {
  return Status(StatusCode::kInternal, std::move(message), std::move(where));
}

StatusCode Status::code() const { return state_ ? state_->code : StatusCode::kOk; }

const std::string& Status::message() const {
  static const std::string kEmpty;
  return state_ ? state_->message : kEmpty;
}

const SourceLocation& Status::where() const {
  static const SourceLocation kNowhere;
  return state_ ? state_->where : kNowhere;
}

std::string Status::to_string() const {
  if (!state_) return "OK";
  const SourceLocation& w = state_->where;
  std::string out;
  if (!w.file.empty()) {
    out += w.file;
    if (w.line > 0) {
      out += ':' + std::to_string(w.line);
      if (w.column > 0) out += ':' + std::to_string(w.column);
    }
    out += ": ";
  }
  out += state_->message;
  if (w.byte_offset) out += " (byte offset " + std::to_string(*w.byte_offset) + ")";
  return out;
}

}  // namespace charterkit

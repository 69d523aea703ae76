#include "cli.h"

#include <fcntl.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <iostream>

namespace charter {

namespace {
const char* const kBrokenPipe = "the reader of the output has gone";
}  // namespace

void declare_output(po::options_description& options, const char* default_format) {
  options.add_options()
      ("format,f", po::value<std::string>()->default_value(default_format),
       "output format: text, tsv, csv, markdown, latex or json")
      ("output,o", po::value<std::string>()->default_value(""), "write to this file instead of standard output");
}

int fail(const charterkit::Status& status) {
  // A reader that stopped reading (`charter ... | head`) is not an error to report.
  if (status.code() == charterkit::StatusCode::kIOError && status.message() == kBrokenPipe) return kExitError;
  std::cerr << "charter: " << status.to_string() << '\n';
  return status.code() == charterkit::StatusCode::kInvalidArgument ? kExitUsage : kExitError;
}

namespace {

charterkit::Status write_all(int fd, const std::string& bytes, const std::string& name) {
  std::size_t done = 0;
  while (done < bytes.size()) {
    const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      if (errno == EPIPE) return charterkit::Status::IOError(kBrokenPipe);
      return charterkit::Status::IOError(std::string("cannot write: ") + std::strerror(errno),
                                         charterkit::SourceLocation{name, 0, 0, std::nullopt});
    }
    done += static_cast<std::size_t>(n);
  }
  return charterkit::Status::Ok();
}

}  // namespace

charterkit::Status write_output(const std::string& bytes, const std::string& path) {
  if (path.empty() || path == "-") return write_all(STDOUT_FILENO, bytes, "<stdout>");
  std::string temp = path + ".tmp-XXXXXX";
  const int fd = ::mkstemp(temp.data());
  if (fd < 0) {
    return charterkit::Status::IOError(std::string("cannot create a file beside it: ") + std::strerror(errno),
                                       charterkit::SourceLocation{path, 0, 0, std::nullopt});
  }
  charterkit::Status status = write_all(fd, bytes, path);
  if (status.ok() && ::fsync(fd) != 0) {
    status = charterkit::Status::IOError(std::string("cannot write: ") + std::strerror(errno),
                                         charterkit::SourceLocation{path, 0, 0, std::nullopt});
  }
  ::fchmod(fd, 0644);
  if (::close(fd) != 0 && status.ok()) {
    status = charterkit::Status::IOError(std::string("cannot write: ") + std::strerror(errno),
                                         charterkit::SourceLocation{path, 0, 0, std::nullopt});
  }
  if (status.ok() && std::rename(temp.c_str(), path.c_str()) != 0) {
    status = charterkit::Status::IOError(std::string("cannot replace the file: ") + std::strerror(errno),
                                         charterkit::SourceLocation{path, 0, 0, std::nullopt});
  }
  if (!status.ok()) ::unlink(temp.c_str());
  return status;
}

std::string render_table(const charterkit::Table& table, charterkit::TableFormat format, const std::string& output_path) {
  std::size_t width = 0;
  struct winsize size {};
  if (format == charterkit::TableFormat::kText && (output_path.empty() || output_path == "-") && ::isatty(STDOUT_FILENO) &&
      ::ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_col > 0) {
    width = size.ws_col;
  }
  return charterkit::render(table, format, width);
}

int print_table(const charterkit::Table& table, charterkit::TableFormat format, const std::string& output_path) {
  if (charterkit::Status s = write_output(render_table(table, format, output_path), output_path); !s.ok()) return fail(s);
  return kExitOk;
}

charterkit::Status load_documents(const std::vector<std::string>& names, charterkit::Corpus& corpus) {
  charterkit::Result<charterkit::HeadingRules> rules = charterkit::HeadingRules::Default();
  if (!rules.ok()) return rules.status();
  charterkit::Corpus builtin;
  if (charterkit::Status s = charterkit::add_embedded_corpus(builtin, rules.value()); !s.ok()) return s;
  if (names.empty()) {
    corpus = std::move(builtin);
  }
  for (const std::string& name : names) {
    if (const charterkit::Document* d = builtin.find(name); d && !std::filesystem::exists(name)) {
      if (corpus.find(name)) continue;
      corpus.documents.push_back(*d);
      continue;
    }
    charterkit::Status s = charterkit::add_path(corpus, name, rules.value());
    if (s.code() == charterkit::StatusCode::kNotFound && s.where().file == name) {
      return charterkit::Status::NotFound("'" + name + "' is neither a file or folder nor a document of the built-in corpus "
                                          "(see 'charter corpus list')");
    }
    if (!s.ok()) return s;
  }
  for (const auto& w : corpus.warnings) std::cerr << "charter: " << w.to_string() << '\n';
  return charterkit::Status::Ok();
}

charterkit::Result<charterkit::Document> load_one_document(const std::string& name, const std::string& hint) {
  charterkit::Corpus corpus;
  if (charterkit::Status s = load_documents({name}, corpus); !s.ok()) return s;
  if (corpus.documents.size() != 1) {
    return charterkit::Status::InvalidArgument("'" + name + "' holds " + std::to_string(corpus.documents.size()) +
                                               " documents; " + hint);
  }
  return std::move(corpus.documents.front());
}

charterkit::Result<charterkit::Codebook> load_codebook(const std::string& path, charterkit::Tokenizer& tokenizer) {
  if (path.empty()) return charterkit::Codebook::Default(tokenizer);
  return charterkit::Codebook::LoadAny(path, tokenizer);
}

}  // namespace charter

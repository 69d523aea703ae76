#include "cli.h"

#include <fcntl.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <memory>
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

charterkit::Status load_documents(const std::vector<std::string>& names, charterkit::Corpus& corpus, unsigned threads) {
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
    charterkit::Status s = charterkit::add_path(corpus, name, rules.value(), threads);
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

std::string one_line(std::string_view s) {
  std::string out;
  bool space = false;
  for (char c : s) {
    if (c == '\n' || c == '\r' || c == '\t' || c == ' ') {
      space = true;
      continue;
    }
    if (space && !out.empty()) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

void declare_batch(po::options_description& options) {
  options.add_options()
      ("threads,j", po::value<int>()->default_value(0), "threads to use (0: one per processor); the output is the same")
      ("quiet,q", po::bool_switch(), "print no progress on stderr (it is shown only on a terminal)");
}

charterkit::Result<charterkit::BatchOptions> batch_options(const po::variables_map& vm) {
  const int threads = vm["threads"].as<int>();
  if (threads < 0 || threads > 1024) {
    return charterkit::Status::InvalidArgument("--threads takes a number from 0 (one per processor) to 1024");
  }
  charterkit::BatchOptions batch;
  batch.threads = static_cast<unsigned>(threads);
  if (vm["quiet"].as<bool>() || ::isatty(STDERR_FILENO) == 0) return batch;
  struct Meter {
    std::chrono::steady_clock::time_point start = std::chrono::steady_clock::now(), last{};
  };
  auto meter = std::make_shared<Meter>();
  batch.progress = [meter](const charterkit::BatchProgress& p) {
    const auto now = std::chrono::steady_clock::now();
    if (p.done == p.total) {
      std::fputs("\r\033[K", stderr);  // erase the line: the table follows on stdout
      return;
    }
    if (now - meter->last < std::chrono::milliseconds(200)) return;
    meter->last = now;
    const double seconds = std::chrono::duration<double>(now - meter->start).count();
    const double rate = seconds > 0 ? static_cast<double>(p.bytes) / 1e6 / seconds : 0;
    // Time left: by bytes when the batch's size is known (documents differ in
    // length), else by documents.
    const double left = p.total_bytes > 0 && p.bytes > 0
                            ? seconds * static_cast<double>(p.total_bytes - std::min(p.bytes, p.total_bytes)) /
                                  static_cast<double>(p.bytes)
                        : p.done > 0 ? seconds * static_cast<double>(p.total - p.done) / static_cast<double>(p.done)
                                     : 0;
    std::fprintf(stderr, "\r\033[Kcharter: %zu/%zu documents, %.1f MB/s, about %.0f s left", p.done, p.total, rate,
                 left);
    std::fflush(stderr);
  };
  return batch;
}

}  // namespace charter

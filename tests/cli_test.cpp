// The charter program as a user meets it: help, exit codes, messages, output.
#include <catch2/catch.hpp>

#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>

namespace {

struct Run {
  int exit_code;
  std::string out;
  std::string err;
};

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// Runs `charter ARGS` through the shell from the source folder. Output goes to
// files unique to this process and call, so tests may run in parallel.
Run charter(const std::string& args) {
  static int calls = 0;
  const std::string base = std::string(CHARTERKIT_BINARY_DIR) + "/cli_test." + std::to_string(::getpid()) + "." +
                           std::to_string(++calls);
  const std::string out = base + ".out", err = base + ".err";
  const std::string command = std::string("cd '") + CHARTERKIT_SOURCE_DIR + "' && '" + CHARTER_EXE + "' " + args +
                              " >'" + out + "' 2>'" + err + "'";
  const int status = std::system(command.c_str());
  Run run{WIFEXITED(status) ? WEXITSTATUS(status) : -1, slurp(out), slurp(err)};
  std::remove(out.c_str());
  std::remove(err.c_str());
  return run;
}

}  // namespace

TEST_CASE("help, version and usage errors", "[cli]") {
  const struct {
    const char* args;
    int exit_code;
    const char* out;  // fragment expected on stdout ("" = must be empty)
    const char* err;  // fragment expected on stderr ("" = must be empty)
  } cases[] = {
      {"--help", 0, "Usage: charter COMMAND", ""},
      {"-h", 0, "tokens", ""},
      {"help", 0, "Commands:", ""},
      {"--version", 0, "charter 0.", ""},
      {"help tokens", 0, "Example:\n  charter tokens", ""},
      {"tokens --help", 0, "--format", ""},
      {"", 2, "", "Usage: charter COMMAND"},
      {"frobnicate", 2, "", "charter: unknown command 'frobnicate'"},
      {"help frobnicate", 2, "", "unknown command 'frobnicate'"},
      {"tokens", 2, "", "the option '--file' is required"},
      {"tokens --bogus x", 2, "", "unrecognised option '--bogus'"},
      {"tokens a.txt b.txt", 2, "", "too many positional options"},
      {"tokens tests/data/mixed.txt --format xlsx", 2, "", "unknown format 'xlsx'"},
      {"tokens no-such-file.txt", 1, "", "charter: no-such-file.txt: no such file"},
      {"tokens tests", 1, "", "charter: tests: cannot read"},
      {"corpus", 2, "", "'corpus' needs a subcommand: list, show"},
      {"corpus frobnicate", 2, "", "'corpus' needs a subcommand: list, show"},
      {"help corpus show", 0, "Usage: charter corpus show DOC|PATH", ""},
      {"corpus list --help", 0, "Example:\n  charter corpus list", ""},
      {"corpus list", 0, "abstract-kk              ", ""},
      {"corpus list --format csv", 0, "id,organization,kind,language,date,segments,title,path\r\nsco-charter-objectives,SCO,", ""},
      {"corpus list --format tsv tests/data/sample-charter.ru.txt", 0,
       "sample-charter\tSample\tcharter\tru\t2002-10-07\t4\t", ""},
      {"corpus list no/such/folder", 1, "", "charter: 'no/such/folder' is neither a file or folder nor a document"},
      {"corpus show sco-charter-objectives", 0, "organization: SCO\n", ""},
      {"corpus show sco-charter-objectives --segment all", 0,
       "bytes: 0-256\n\nThe SCO Charter emphasizes the importance of “multilateral cooperation", ""},
      {"corpus show csto-charter-objectives --format json", 0, "\"organization\": \"CSTO\"", ""},
      {"corpus show nope", 1, "", "'nope' is neither a file or folder nor a document of the built-in corpus"},
      {"corpus show sco-charter-objectives --segment art9", 1, "",
       "document 'sco-charter-objectives' has no segment 'art9' (segments: all)"},
      {"corpus show sco-charter-objectives --format csv", 2, "", "unknown format 'csv' (formats: text, json)"},
      {"themes sco-charter-objectives --format csv", 0, "sco-charter-objectives,,terrorism,1,33,30.30303\r\n", ""},
      {"themes tests/data/sample-charter.ru.txt --by segment --format tsv", 0,
       "sample-charter\tart1\tpeace\t1\t14\t71.428571\n", ""},
      {"themes sco-charter-objectives --evidence --format tsv", 0,
       "sco-charter-objectives\tall\t0\tterrorism\tterroris*\t169\t178\tterrorism\n", ""},
      {"themes --by chapter", 2, "", "--by takes 'document' or 'segment', not 'chapter'"},
      {"themes nope", 1, "", "'nope' is neither a file or folder nor a document"},
      {"themes --codebook tests/data/bad-codebook.yaml", 1, "",
       "charter: tests/data/bad-codebook.yaml:4:18: entry 'x NEAR/two y': NEAR/ needs a number"},
      {"themes sco-charter-objectives --codebook tests/data/sample.dic --format tsv", 0,
       "sco-charter-objectives\t\tthreat\t1\t33\t", ""},
      {"kwic", 2, "", "give either --theme ID or --pattern P"},
      {"kwic --theme nope", 2, "", "the codebook has no theme 'nope'"},
      {"kwic --pattern '*'", 2, "", "pattern '*' would match every word"},
      {"kwic --theme security --window -1", 2, "", "--window takes a number from 0 to 1000"},
      {"kwic csto-charter-objectives --theme territorial_integrity --format tsv", 0,
       "csto-charter-objectives\tall\t144\t165\tand protect the independence and\tterritorial integrity\tof member states on a\n", ""},
      {"kwic shared-goals --pattern 'traffick* NEAR/3 arms' --window 1 --format tsv", 0,
       "shared-goals\tall\t141\t166\tdrug\ttrafficking, illegal arms\ttrade\n", ""},
      {"codebook check", 0, "17 themes, ", ""},
      {"codebook check tests/data/sample.dic", 0, "2 themes, 3 entries, 0 issues\n", ""},
      {"codebook check tests/data/bad-codebook.yaml", 1, "", "bad-codebook.yaml:4:18: entry 'x NEAR/two y'"},
      {"codebook check tests/data/sample.dic --corpus sco-charter-objectives --strict", 1,
       "sample.dic:7:1: matches-nothing: 'war' (*) matches nothing in the documents given", ""},
      {"codebook export tests/data/sample.dic", 0, "\"threat\":\n  - \"terror*\"\n  - \"war\"\n", ""},
      {"codebook export --to liwc", 2, "", "--to takes 'quanteda', not 'liwc'"},
      {"reproduce --format csv", 0,
       "claim,theme,claimed,verdict,SCO evidence,CSTO evidence\r\n"
       "shared-goals,security,\"SCO, CSTO\",supported,all: “security”,all: “security”\r\n", ""},
      {"reproduce", 0, "shared-goals: supported for 2 of 6 themes by the article's own quotations", ""},
      {"reproduce --document NATO=x", 2, "", "no claim is about 'NATO' (organizations: SCO, CSTO)"},
      {"reproduce --document SCO", 2, "", "--document takes ORG=DOC"},
      {"reproduce --sco no-such-charter.txt", 1, "", "'no-such-charter.txt' is neither a file or folder"},
      {"reproduce --sco tests/data/sample-source.en.txt --format tsv", 0,
       "shared-goals\tterrorism\tSCO, CSTO\tnot_supported\tart1: “terrorism”\t\n", ""},
      {"reproduce --sco csto-charter-objectives --csto sco-charter-objectives --format tsv", 0,
       "distinct-missions\tcollective_defence\tCSTO, SCO not\tcontradicted\tall: “collective basis”\t\n", ""},
      {"compare sco-charter-objectives", 2, "", "compare needs two or more documents (1 given)"},
      {"compare sco-charter-objectives csto-charter-objectives --format csv", 0,
       "sco-charter-objectives,csto-charter-objectives,peace security stability,"
       "terrorism separatism extremism drug_trafficking organized_crime,"
       "territorial_integrity sovereignty_independence collective_defence,0.272727,0.428571,0.5,0.433013,", ""},
      {"compare sco-charter-objectives abstract-ru --format json", 0, "\"word_jaccard\": null, \"char5_jaccard\": null}", ""},
      {"keyness --target distinct-missions --reference shared-goals --min 2 --top 1 --format tsv", 0,
       "word\ttarget\treference\tg2\tlog_ratio\tp_value\nsco\t3\t0\t", ""},
      {"keyness --target abstract-ru --reference abstract-en", 2, "", "keyness compares words of one language"},
      {"quote-check --quote tests/data/sample-quotes.en.txt --source tests/data/sample-source.en.txt --format tsv", 0,
       "joint efforts against terrorism, separatism and extremism\tyes\tart1\t369\t423\t0.571429\t"
       "replace: “joint efforts against” → “to jointly counter”\n", ""},
      {"quote-check --quote tests/data/sample-quotes.en.txt --source tests/data/sample-source.en.txt --format json", 0,
       "\"differences\": [{\"op\": \"insert\", \"quote\": \"territorial\", \"source\": \"\"}]", ""},
      {"quote-check --quote sco-charter-objectives", 2, "", "the option '--source' is required"},
  };
  for (const auto& c : cases) {
    SECTION(std::string("charter ") + c.args) {
      const Run run = charter(c.args);
      CHECK(run.exit_code == c.exit_code);
      if (*c.out) CHECK_THAT(run.out, Catch::Contains(c.out)); else CHECK(run.out.empty());
      if (*c.err) CHECK_THAT(run.err, Catch::Contains(c.err)); else CHECK(run.err.empty());
    }
  }
}

TEST_CASE("charter tokens prints the reviewed table", "[cli]") {
  const Run run = charter("tokens tests/data/mixed.txt");
  CHECK(run.exit_code == 0);
  CHECK(run.err.empty());
  CHECK(run.out == slurp(std::string(CHARTERKIT_SOURCE_DIR) + "/tests/golden/tokens-mixed.tsv"));
}

TEST_CASE("charter corpus show prints the reviewed JSON", "[cli]") {
  const Run run = charter("corpus show tests/data/sample-charter.ru.txt --format json");
  CHECK(run.exit_code == 0);
  CHECK(run.err.empty());
  CHECK(run.out == slurp(std::string(CHARTERKIT_SOURCE_DIR) + "/tests/golden/corpus-show-sample.json"));
}

TEST_CASE("charter tokens reports bad UTF-8 with its place and writes no file", "[cli]") {
  const std::string bad = std::string(CHARTERKIT_BINARY_DIR) + "/cli_test_bad." + std::to_string(::getpid()) + ".txt";
  const std::string target = std::string(CHARTERKIT_BINARY_DIR) + "/cli_test_bad." + std::to_string(::getpid()) + ".json";
  {
    std::ofstream out(bad, std::ios::binary);
    out << "Устав\nОДКБ \xED\xA0\x80\n";
  }
  std::remove(target.c_str());
  const Run run = charter("tokens '" + bad + "' -o '" + target + "'");
  CHECK(run.exit_code == 1);
  CHECK(run.err == "charter: " + bad +
                       ":2:6: invalid UTF-8: UTF-16 surrogate (U+D800..U+DFFF) (bytes ED A0 80) (byte offset 20)\n");
  CHECK_FALSE(std::ifstream(target).good());
  std::remove(bad.c_str());
}

TEST_CASE("charter tokens -o writes the same bytes as standard output", "[cli]") {
  const std::string target = std::string(CHARTERKIT_BINARY_DIR) + "/cli_test_tokens." + std::to_string(::getpid()) + ".json";
  const Run to_stdout = charter("tokens tests/data/mixed.txt --format json");
  const Run to_file = charter("tokens tests/data/mixed.txt --format json -o '" + target + "'");
  CHECK(to_file.exit_code == 0);
  CHECK(to_file.out.empty());
  CHECK(slurp(target) == to_stdout.out);
  CHECK_THAT(to_stdout.out, Catch::StartsWith("[\n  {\"position\": 0, \"sentence\": 0, \"begin\": 0, \"end\": 7"));
  std::remove(target.c_str());
}

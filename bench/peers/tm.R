# Word frequencies with tm: termFreq() on the file as one plain-text document,
# lower-cased, punctuation removed, words of any length kept (tm's default
# drops words shorter than 3 characters). tm cuts words at white space.
#
# Usage: Rscript tm.R FILE
# Prints: distinct N tokens M
args <- commandArgs(trailingOnly = TRUE)
if (length(args) != 1) {
  message("usage: Rscript tm.R FILE")
  quit(status = 2)
}
path <- args[[1]]
if (!file.exists(path)) {
  message("tm.R: ", path, ": no such file")
  quit(status = 1)
}
suppressPackageStartupMessages(library(tm))
text <- readChar(path, file.size(path), useBytes = TRUE)
Encoding(text) <- "UTF-8"
counts <- termFreq(PlainTextDocument(text),
                   control = list(tolower = TRUE, removePunctuation = TRUE, wordLengths = c(1, Inf)))
cat(sprintf("distinct %d tokens %.0f\n", length(counts), sum(counts)))

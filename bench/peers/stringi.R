# Word frequencies with stringi: ICU word boundaries (stri_extract_all_words)
# on the lower-cased text, counted with table().
#
# Usage: Rscript stringi.R FILE
# Prints: distinct N tokens M
args <- commandArgs(trailingOnly = TRUE)
if (length(args) != 1) {
  message("usage: Rscript stringi.R FILE")
  quit(status = 2)
}
path <- args[[1]]
if (!file.exists(path)) {
  message("stringi.R: ", path, ": no such file")
  quit(status = 1)
}
text <- readChar(path, file.size(path), useBytes = TRUE)
Encoding(text) <- "UTF-8"
words <- stringi::stri_extract_all_words(stringi::stri_trans_tolower(text))[[1]]
counts <- table(words)
cat(sprintf("distinct %d tokens %.0f\n", length(counts), sum(counts)))

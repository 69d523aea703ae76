# Word frequencies the tidytext way: one row per line of the file,
# unnest_tokens() (words, lower-cased, punctuation dropped), then count().
#
# Usage: Rscript tidytext.R FILE
# Prints: distinct N tokens M
args <- commandArgs(trailingOnly = TRUE)
if (length(args) != 1) {
  message("usage: Rscript tidytext.R FILE")
  quit(status = 2)
}
path <- args[[1]]
if (!file.exists(path)) {
  message("tidytext.R: ", path, ": no such file")
  quit(status = 1)
}
suppressPackageStartupMessages({
  library(dplyr)
  library(tidytext)
})
lines <- readLines(path, encoding = "UTF-8", warn = FALSE)
counts <- tibble(text = lines) |>
  unnest_tokens(word, text) |>
  count(word, sort = TRUE)
cat(sprintf("distinct %d tokens %.0f\n", nrow(counts), sum(counts$n)))

# Time of stringdist's Jaccard distance on character 5-grams, per pair of
# documents, on a sample of pairs: the job `charter similarity --measure
# char5-jaccard` does for every pair.
#
# Usage: Rscript stringdist.R [--pairs N] FOLDER_OR_FILES...
#   A folder stands for its .txt and .xml files. Of a ToTA treaty (.xml), the
#   text of its <article> elements is used, entities decoded. Every text is
#   lower-cased and its white space collapsed before timing, as charter does
#   before it takes n-grams. N pairs (default 200) are drawn with a fixed seed
#   from all pairs of distinct documents (all of them when there are no more);
#   only the stringdist::stringdist(a, b, method = "jaccard", q = 5) calls are
#   timed.
# Prints: documents D pairs N ms_per_pair X mean_distance Y
args <- commandArgs(trailingOnly = TRUE)
pairs <- 200L
paths <- character()
i <- 1L
while (i <= length(args)) {
  if (args[[i]] == "--pairs" && i < length(args)) {
    pairs <- suppressWarnings(as.integer(args[[i + 1L]]))
    if (is.na(pairs) || pairs < 1L) {
      message("stringdist.R: --pairs takes a whole number of 1 or more, not '", args[[i + 1L]], "'")
      quit(status = 2)
    }
    i <- i + 2L
  } else {
    paths <- c(paths, args[[i]])
    i <- i + 1L
  }
}
if (length(paths) == 0L) {
  message("usage: Rscript stringdist.R [--pairs N] FOLDER_OR_FILES...")
  quit(status = 2)
}
files <- unlist(lapply(paths, function(p) {
  if (dir.exists(p)) sort(list.files(p, pattern = "\\.(txt|xml)$", full.names = TRUE)) else p
}))
missing <- files[!file.exists(files)]
if (length(missing) > 0L) {
  message("stringdist.R: ", missing[[1]], ": no such file")
  quit(status = 1)
}
if (length(files) < 2L) {
  message("stringdist.R: need two or more documents, found ", length(files))
  quit(status = 1)
}

read_text <- function(path) {
  text <- readChar(path, file.size(path), useBytes = TRUE)
  Encoding(text) <- "UTF-8"
  if (grepl("\\.xml$", path)) {
    articles <- regmatches(text, gregexpr("<article\\b[^>]*>.*?</article>", text, perl = TRUE))[[1]]
    text <- paste(gsub("<[^>]*>", "", articles, perl = TRUE), collapse = "\n")
    entities <- c("&lt;" = "<", "&gt;" = ">", "&quot;" = "\"", "&apos;" = "'", "&amp;" = "&")
    for (e in names(entities)) text <- gsub(e, entities[[e]], text, fixed = TRUE)
  }
  stringi::stri_replace_all_regex(stringi::stri_trans_tolower(text), "\\s+", " ")
}
texts <- vapply(files, read_text, character(1), USE.NAMES = FALSE)

set.seed(1)
n <- length(texts)
all_pairs <- t(combn(n, 2L))
pairs <- min(pairs, nrow(all_pairs))
chosen <- all_pairs[sort(sample.int(nrow(all_pairs), pairs)), , drop = FALSE]
distances <- numeric(pairs)
started <- proc.time()[["elapsed"]]
for (k in seq_len(pairs)) {
  distances[[k]] <- stringdist::stringdist(texts[[chosen[k, 1]]], texts[[chosen[k, 2]]], method = "jaccard", q = 5)
}
elapsed <- proc.time()[["elapsed"]] - started
cat(sprintf("documents %d pairs %d ms_per_pair %.3f mean_distance %.6f\n", n, pairs,
            1000 * elapsed / pairs, mean(distances)))

"""Publishing: the data diff for pull requests, the search index, the developer server."""

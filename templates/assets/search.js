/* Clippings search: filled in by the search commit. */

/**
 * Character-level helpers that cleaning, tagging, search and duplicate detection share: runs of letters, numbers
 * and spaces found by a test on each code point, where a regex would try its pattern at every character of every
 * article.
 */
package clippings.text;

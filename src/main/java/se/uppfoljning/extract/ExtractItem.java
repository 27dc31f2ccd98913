package se.uppfoljning.extract;

/** What the inbox reader hands on: a row of a file, or the news that a whole file cannot be loaded. */
public sealed interface ExtractItem permits ExtractRow, FileFailure {
    ExtractFile file();
}

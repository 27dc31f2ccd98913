package se.uppfoljning.extract;

/** The outcome of checking one item: staged, rejected, or the file failed. */
public sealed interface CheckedRow permits StagedRow, RejectedRow, FileFailure {
    long fileId();
}

package se.uppfoljning.extract;

/**
 * A file that fails as a whole: nothing of it is loaded. {@code rowsSeen} is how many rows were read
 * before the problem showed, so the file's counts still add up.
 */
public record FileFailure(ExtractFile file, int rowsSeen, String messageSv, String messageEn)
        implements ExtractItem, CheckedRow {

    @Override
    public long fileId() {
        return file.fileId();
    }
}

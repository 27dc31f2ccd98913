package se.uppfoljning.extract;

import java.util.EnumMap;
import java.util.Map;
import java.util.function.Function;

import org.springframework.batch.infrastructure.item.ItemProcessor;

import se.uppfoljning.config.ProjectConfig;
import se.uppfoljning.config.SourceProfile;

/** Checks each row by its source's rules and stages or rejects it; a file failure passes through. */
public class ExtractRowProcessor implements ItemProcessor<ExtractItem, CheckedRow> {
    private final Map<Source, RowValidator> validators = new EnumMap<>(Source.class);
    private final StagingRows staging;

    public ExtractRowProcessor(ProjectConfig project, Function<Source, SourceProfile> profiles, StagingRows staging) {
        for (Source s : Source.values()) validators.put(s, new RowValidator(s, project, profiles.apply(s)));
        this.staging = staging;
    }

    @Override
    public CheckedRow process(ExtractItem item) {
        if (item instanceof FileFailure failure) return failure;
        ExtractRow row = (ExtractRow) item;
        Object checked = validators.get(row.file().source()).check(row);
        if (checked instanceof RejectedRow rejected) return rejected;
        return staging.stage((RowValidator.Valid) checked);
    }
}

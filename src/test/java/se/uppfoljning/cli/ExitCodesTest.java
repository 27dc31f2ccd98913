package se.uppfoljning.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The exit code of several parts: the worst, where nothing to do counts as done. */
class ExitCodesTest {

    @ParameterizedTest(name = "{0} and {1} give {2}")
    @CsvSource({
            "0, 0, 0",
            "0, 4, 0",
            "4, 4, 0",
            "4, 3, 3",
            "3, 2, 2",
            "2, 1, 1",
            "1, 3, 1",
            "0, 2, 2",
    })
    void theWorstPartDecides(int a, int b, int worst) {
        assertThat(ExitCodes.worst(a, b)).isEqualTo(worst);
        assertThat(ExitCodes.worst(b, a)).isEqualTo(worst);
    }
}
